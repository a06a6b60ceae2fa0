import { describe, expect, it } from "vitest";
import { compareDmas } from "./compare.ts";
import { example } from "./fixture.ts";
import { assessDeliveryModels } from "./recommend.ts";
import type { DeliveryModelAssessment } from "./types.ts";

const side = (dma: DeliveryModelAssessment) => ({ dma, result: assessDeliveryModels(dma) });

describe("compareDmas", () => {
  it("finds nothing changed between the same assessment", () => {
    const c = compareDmas(side(example()), side(example()));
    expect(c.changes).toEqual([]);
    expect(c.recommended).toEqual({ before: "in-house", after: "in-house", changed: false });
    expect(c.weighted.map((w) => w.change)).toEqual([0, 0]);
    expect(c.findings).toEqual({ raised: [], cleared: [] });
  });

  it("names a changed weight and score, and the recommendation they move, worked by hand", () => {
    const b = example();
    b.criteria[0]!.weight = 1; // control 3 -> 1
    b.scores[3]!.score = 4; // shared on cost 5 -> 4
    b.scores[3]!.evidence = "should-cost model v4";
    const c = compareDmas(side(example()), side(b));
    expect(c.changes).toEqual([
      { where: 'Criterion "Control and accountability": weight', before: "3", after: "1" },
      { where: 'Option "shared" on "Whole-life cost": score', before: "5", after: "4" },
      {
        where: 'Option "shared" on "Whole-life cost": evidence',
        before: "should-cost model v3",
        after: "should-cost model v4",
      },
    ]);
    // in-house (1x4 + 1x2)/2 = 3; shared (1x2 + 1x4)/2 = 3: a tie, so no recommendation.
    expect(c.weighted).toEqual([
      { option: "in-house", before: 3.5, after: 3, change: -0.5 },
      { option: "shared", before: 2.75, after: 3, change: 0.25 },
    ]);
    expect(c.recommended).toEqual({ before: "in-house", after: null, changed: true });
    expect(c.findings.raised.map((f) => f.code)).toEqual(["DMA-TIE"]);
    expect(c.findings.cleared).toEqual([]);
  });

  it("names reversibility changes in pounds, an option added, and the findings raised and cleared", () => {
    const a = example();
    delete a.options[1]!.returnInHouse!.people; // an incomplete return-in-house: an error
    const b = example();
    b.options[1]!.returnInHouse!.cost = 180_000_000;
    b.options.push({ id: "jv", type: "joint-venture", name: "Joint venture" });
    const c = compareDmas(side(a), side(b));
    expect(c.changes).toContainEqual({
      where: 'Option "shared": cost of coming back in-house',
      before: "£1500000.00",
      after: "£1800000.00",
    });
    expect(c.changes).toContainEqual({ where: 'Option "shared": people', before: null, after: "TUPE back" });
    expect(c.changes).toContainEqual({
      where: 'Option "Joint venture"',
      before: null,
      after: "joint-venture",
    });
    expect(c.weighted.find((w) => w.option === "jv")).toEqual({
      option: "jv",
      before: null,
      after: 0,
      change: null,
    });
    expect(c.findings.cleared.map((f) => f.code)).toEqual(["DMA-RETURN"]);
    // The new joint venture has no scores and no return-in-house assessment.
    expect(c.findings.raised.map((f) => f.code)).toContain("DMA-RETURN");
    expect(c.recommended.before).toBeNull();
  });
});
