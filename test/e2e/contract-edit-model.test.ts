/**
 * The contract form's model (web/src/pages/contract-edit-model.ts), without a browser: what is
 * typed in each section becomes the body the API takes, checked by the rules the server runs,
 * every refusal in the form's words ("Option 1", "Owners"), and the result the engines derive.
 */
import { describe, expect, it } from "vitest";
import {
  checkOwners,
  checkPayment,
  checkTerm,
  EMPTY_PAYMENT,
  type OwnerRow,
  ownersPreview,
  type TermTyped,
  termPreview,
} from "../../web/src/pages/contract-edit-model.ts";

const owner = (name: string, share: string, fromDate = "", toDate = ""): OwnerRow => ({
  key: name,
  owner: name,
  share,
  fromDate,
  toDate,
  source: "",
});

const term: TermTyped = {
  initialEndDate: "2029-03-31",
  endNoticeMonths: "9",
  options: [
    {
      key: "o",
      id: "option-1",
      fromDate: "2029-03-31",
      toDate: "2031-03-31",
      noticeMonths: "6",
      state: "pending",
      decidedOn: "",
      note: "",
    },
  ],
  breakPoints: [{ key: "b", id: "break-1", on: "2027-03-31", noticeMonths: "3", note: "after year 1" }],
  notice: null,
  source: "",
};

describe("the owners section", () => {
  it("turns percentages into basis points, and says today's owners as the register does", () => {
    const r = checkOwners([owner("A plc", "75%"), owner("B LLP", "25")], "S");
    expect(r).toEqual({
      ok: [
        { owner: "A plc", shareBp: 7500, fromDate: null, toDate: null, source: "" },
        { owner: "B LLP", shareBp: 2500, fromDate: null, toDate: null, source: "" },
      ],
    });
    if ("ok" in r) expect(ownersPreview(r.ok, "S", "2026-12-03")).toBe("A plc 75%, B LLP 25%");
  });

  it("refuses more than 100% on a day in the ownership rule's words, and a blank or bad share", () => {
    expect(checkOwners([owner("A plc", "75%"), owner("B LLP", "35")], "S")).toEqual({
      problem: "Owners: on the first day recorded the shares add up to 110%, more than 100%.",
    });
    expect(checkOwners([owner("A", "75%"), owner("B", "50%", "2024-01-01")], "S")).toEqual({
      problem: "Owners: on 2024-01-01 the shares add up to 125%, more than 100%.",
    });
    // A sale: the shares that end the day before the new one starts do not count against it.
    expect(
      checkOwners([owner("A", "75%", "", "2023-11-29"), owner("B", "100%", "2023-11-30")], "S"),
    ).toHaveProperty("ok");
    expect(checkOwners([owner("A plc", "")], "S")).toEqual({
      problem: "Owner 1: give the share, such as 75%.",
    });
    expect(checkOwners([owner("", "10")], "S")).toEqual({ problem: "Owner 1: give the owner's name." });
    expect(checkOwners([owner("A", "150%")], "S")).toEqual({
      problem: "Owner 1: a share is from 0.01% to 100%.",
    });
    expect(checkOwners([owner("A", "50%", "2025-01-01", "2024-01-01")], "S")).toEqual({
      problem: "Owner 1: the share ends (2024-01-01) before it starts (2025-01-01).",
    });
  });
});

describe("the term section", () => {
  it("derives the ends and the next deadlines by the engines the server uses", () => {
    const r = checkTerm(term, "c", "2026-04-01");
    if (!("ok" in r)) throw new Error(JSON.stringify(r));
    expect(r.ok.body.options?.[0]).toMatchObject({ id: "option-1", noticeMonths: 6, decidedOn: null });
    const p = termPreview(
      r.ok.term,
      { id: "c", title: "Court", awardedOn: null, startDate: "2026-04-01" },
      "2026-12-03",
    );
    expect([p.currentEnd, p.maximumEnd]).toEqual(["2029-03-31", "2031-03-31"]);
    expect(p.next.map((d) => [d.kind, d.date])).toEqual([
      ["break-notice", "2026-12-31"],
      ["option-decision", "2028-09-30"],
      ["end-of-term", "2029-03-31"],
    ]);
  });

  it("names the option or break point at fault in words", () => {
    const bad = { ...term, options: [{ ...term.options[0]!, toDate: "2028-01-01" }] };
    expect(checkTerm(bad, "c", null)).toEqual({
      problem: "Option 1: the option ends (2028-01-01) on or before the end it extends (2029-03-31).",
    });
    expect(checkTerm({ ...term, initialEndDate: "2025-01-01", options: [] }, "c", "2026-04-01")).toEqual({
      problem:
        "Initial term ends: the initial term ends (2025-01-01) before the contract starts (2026-04-01).",
    });
    expect(
      checkTerm({ ...term, breakPoints: [{ ...term.breakPoints[0]!, noticeMonths: "six" }] }, "c", null),
    ).toEqual({
      problem: "Break point 1: the notice is a whole number of months, such as 6.",
    });
  });
});

describe("the payment section", () => {
  it("records nothing until a pricing basis is chosen, then checks by the payment rules", () => {
    expect(checkPayment(EMPTY_PAYMENT, null)).toBeNull();
    const ok = checkPayment(
      {
        ...EMPTY_PAYMENT,
        pricingBasis: "fixed-price",
        indexation: "fixed",
        indexationRate: "2.5%",
        indexationReviewOn: "2027-04-01",
        serviceCreditCap: "15%",
      },
      "2026-04-01",
    );
    expect(ok).toEqual({
      ok: {
        pricingBasis: "fixed-price",
        painShareBp: null,
        gainShareBp: null,
        invoicing: "monthly",
        paymentTermsDays: 30,
        indexation: "fixed",
        indexationRateBp: 250,
        indexationReviewOn: "2027-04-01",
        serviceCreditCapBp: 1500,
        note: "",
      },
    });
    const bad = checkPayment({ ...EMPTY_PAYMENT, pricingBasis: "target-cost", paymentTermsDays: "60" }, null);
    expect(bad && "problems" in bad ? bad.problems : []).toEqual([
      "A target-cost contract says what share of an overrun the supplier bears, from 0% to 100%.",
      "A target-cost contract says what share of an underrun the supplier keeps, from 0% to 100%.",
      expect.stringContaining("Procurement Act 2023 (s.68)"),
    ]);
  });
});
