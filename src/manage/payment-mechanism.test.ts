import { describe, expect, it } from "vitest";
import {
  checkPaymentMechanism,
  type PaymentMechanism,
  paymentMechanismProblems,
} from "./payment-mechanism.ts";

const fixed: PaymentMechanism = {
  pricingBasis: "fixed-price",
  painShareBp: null,
  gainShareBp: null,
  invoicing: "monthly",
  paymentTermsDays: 30,
  indexation: "cpi",
  indexationRateBp: null,
  indexationReviewOn: "2027-04-01",
  serviceCreditCapBp: 1500,
  note: " monthly charge in arrears ",
};

const paths = (m: PaymentMechanism, start: string | null = null) =>
  paymentMechanismProblems(m, start).map((p) => p.path);

describe("a contract's payment mechanism", () => {
  it("keeps a fixed-price, CPI-indexed mechanism paid in 30 days, the note trimmed", () => {
    expect(checkPaymentMechanism(fixed, "2015-11-01")).toEqual({
      ...fixed,
      note: "monthly charge in arrears",
    });
  });

  it("refuses payment terms longer than the 30 days the Procurement Act 2023 allows, saying so", () => {
    const [p] = paymentMechanismProblems({ ...fixed, paymentTermsDays: 60 });
    expect(p?.path).toBe("$.paymentTermsDays");
    expect(p?.message).toContain("within 30 days");
    expect(p?.message).toContain("s.68");
    expect(paths({ ...fixed, paymentTermsDays: 0 })).toEqual(["$.paymentTermsDays"]);
    expect(() => checkPaymentMechanism({ ...fixed, paymentTermsDays: 45 })).toThrow(
      expect.objectContaining({ location: { path: "$.paymentTermsDays" } }),
    );
  });

  it("asks a target-cost contract for its pain and gain shares, and no other basis", () => {
    const target = { ...fixed, pricingBasis: "target-cost" as const };
    expect(paths(target)).toEqual(["$.painShareBp", "$.gainShareBp"]);
    expect(paths({ ...target, painShareBp: 5000, gainShareBp: 5000 })).toEqual([]);
    expect(paths({ ...target, painShareBp: 12_000, gainShareBp: 5000 })).toEqual(["$.painShareBp"]);
    expect(paths({ ...fixed, painShareBp: 5000 })).toEqual(["$.painShareBp"]);
  });

  it("dates every indexation but none, and takes a rate for a fixed uplift only", () => {
    expect(paths({ ...fixed, indexationReviewOn: null })).toEqual(["$.indexationReviewOn"]);
    expect(paths({ ...fixed, indexationReviewOn: "2027-02-30" })).toEqual(["$.indexationReviewOn"]);
    expect(paths({ ...fixed, indexation: "none" })).toEqual(["$.indexationReviewOn"]);
    expect(paths({ ...fixed, indexation: "none", indexationReviewOn: null })).toEqual([]);
    expect(paths({ ...fixed, indexation: "fixed" })).toEqual(["$.indexationRateBp"]);
    expect(paths({ ...fixed, indexation: "fixed", indexationRateBp: 250 })).toEqual([]);
    expect(paths({ ...fixed, indexation: "fixed", indexationRateBp: 2500 })).toEqual(["$.indexationRateBp"]);
    expect(paths({ ...fixed, indexationRateBp: 250 })).toEqual(["$.indexationRateBp"]);
    expect(paths(fixed, "2028-01-01")).toEqual(["$.indexationReviewOn"]);
  });

  it("caps service credits at a share of the monthly charge from 0% to 100%", () => {
    expect(paths({ ...fixed, serviceCreditCapBp: null })).toEqual([]);
    expect(paths({ ...fixed, serviceCreditCapBp: 10_001 })).toEqual(["$.serviceCreditCapBp"]);
    expect(paymentMechanismProblems({ ...fixed, serviceCreditCapBp: -1 })[0]?.message).toBe(
      "The service credit cap is a share of the monthly charge, from 0% to 100%.",
    );
  });

  it("lists every problem at once, each naming its field", () => {
    const bad = {
      ...fixed,
      pricingBasis: "whatever" as PaymentMechanism["pricingBasis"],
      invoicing: "weekly" as PaymentMechanism["invoicing"],
      paymentTermsDays: 90,
    };
    expect(paths(bad)).toEqual(["$.pricingBasis", "$.invoicing", "$.paymentTermsDays"]);
  });
});
