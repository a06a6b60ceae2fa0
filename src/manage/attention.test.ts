import { describe, expect, it } from "vitest";
import { type AttentionItem, kindsForRole, rankAttention, severityForDaysLeft } from "./attention.ts";

const item = (over: Partial<AttentionItem>): AttentionItem => ({
  kind: "deadline",
  id: "x",
  contractId: "c",
  recordId: "r",
  title: "T",
  dueDate: null,
  daysLeft: null,
  severity: "low",
  link: "/contracts/c",
  ...over,
});

describe("what needs attention, in order", () => {
  it("is high when overdue or due within 14 days, medium within 30, low later", () => {
    expect([-3, 0, 14, 15, 30, 31, 90].map(severityForDaysLeft)).toEqual([
      "high",
      "high",
      "high",
      "medium",
      "medium",
      "low",
      "low",
    ]);
    expect(severityForDaysLeft(null)).toBe("medium");
  });
  it("shows the most severe first, then the soonest, then undated, then by title", () => {
    const ranked = rankAttention([
      item({ id: "a", severity: "low", daysLeft: 40 }),
      item({ id: "b", severity: "high", daysLeft: 5 }),
      item({ id: "c", severity: "high", daysLeft: -2 }),
      item({ id: "d", severity: "medium", daysLeft: null, title: "B" }),
      item({ id: "e", severity: "medium", daysLeft: 20 }),
      item({ id: "f", severity: "medium", daysLeft: null, title: "A" }),
    ]);
    expect(ranked.map((i) => i.id)).toEqual(["c", "b", "e", "f", "d", "a"]);
  });
});

describe("each role's list", () => {
  it("gives finance the billing side and the dates, the contract manager everything", () => {
    expect(kindsForRole("finance")).toEqual(["billing-exception", "past-end", "deadline"]);
    expect(kindsForRole("contract-manager")).toContain("obligation-overdue");
    expect(kindsForRole("scrutineer")).toContain("kpi-failing");
  });
});
