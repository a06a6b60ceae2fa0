import { describe, expect, it } from "vitest";
import { example } from "./fixture.ts";
import { assessDeliveryModels } from "./recommend.ts";

describe("assessDeliveryModels", () => {
  it("ranks by weighted score, worked by hand", () => {
    const r = assessDeliveryModels(example());
    // in-house (3x4 + 1x2)/4 = 3.5; shared (3x2 + 1x5)/4 = 2.75
    expect(r.ranking).toEqual([
      { id: "in-house", type: "in-house", weighted: 3.5, strategic: 4, operational: 2 },
      { id: "shared", type: "shared-service", weighted: 2.75, strategic: 2, operational: 5 },
    ]);
    expect(r.recommended).toBe("in-house");
    expect(r.valid).toBe(true);
  });

  it("recommends nothing when validation fails", () => {
    const dma = example();
    delete dma.options[1]!.returnInHouse;
    const r = assessDeliveryModels(dma);
    expect(r.valid).toBe(false);
    expect(r.recommended).toBeNull();
    expect(r.findings[0]!.code).toBe("DMA-RETURN");
  });

  it("declines to pick between tied options", () => {
    const dma = example();
    dma.criteria[1]!.weight = 2; // in-house (12+4)/5 = 3.2; shared (6+10)/5 = 3.2
    const r = assessDeliveryModels(dma);
    expect(r.recommended).toBeNull();
    expect(r.findings.map((f) => f.code)).toEqual(["DMA-TIE"]);
  });
});
