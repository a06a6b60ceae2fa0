import { describe, expect, it } from "vitest";
import { completeObligation, newObligation, obligationState } from "./obligation.ts";

const base = {
  id: "o1",
  kind: "insurance",
  title: "Public liability insurance renewed",
  owner: "Contract manager",
};

describe("an obligation", () => {
  it("is overdue from the day after it falls due", () => {
    const o = newObligation("c", { ...base, dueDate: "2026-03-31", recurrence: "annual" });
    expect(obligationState(o, "2026-03-31")).toEqual({ state: "open", daysLeft: 0 });
    expect(obligationState(o, "2026-04-01")).toEqual({ state: "overdue", daysLeft: -1 });
  });
  it("rolls to its next due date when completed with evidence", () => {
    const o = newObligation("c", { ...base, dueDate: "2026-01-31", recurrence: "quarterly" });
    const { completion, after } = completeObligation(
      o,
      { completedOn: "2026-02-03", evidence: "Certificate 2026/17" },
      "contracts",
    );
    expect(completion).toEqual({
      dueDate: "2026-01-31",
      completedOn: "2026-02-03",
      evidence: "Certificate 2026/17",
      completedBy: "contracts",
    });
    expect(after).toMatchObject({ dueDate: "2026-04-30", status: "open" });
  });
  it("is done once a one-off is completed, and cannot be completed again", () => {
    const o = newObligation("c", { ...base, kind: "audit", dueDate: "2026-01-31" });
    const { after } = completeObligation(o, { completedOn: "2026-01-30", evidence: "Audit report" }, "u");
    expect(after.status).toBe("done");
    expect(obligationState(after, "2027-01-01")).toEqual({ state: "done", daysLeft: null });
    expect(() => completeObligation(after, { completedOn: "2026-02-01", evidence: "x" }, "u")).toThrow(
      /already complete/,
    );
  });
  it("needs evidence and a known kind, naming the field", () => {
    const o = newObligation("c", { ...base, dueDate: "2026-01-31" });
    expect(() => completeObligation(o, { completedOn: "2026-02-01", evidence: " " }, "u")).toThrow(
      expect.objectContaining({ location: { path: "$.evidence" } }),
    );
    expect(() => newObligation("c", { ...base, kind: "lunch", dueDate: "2026-01-31" })).toThrow(
      expect.objectContaining({ location: { path: "$.kind" } }),
    );
  });
});
