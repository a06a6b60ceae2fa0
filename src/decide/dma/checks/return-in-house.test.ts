import { describe, expect, it } from "vitest";
import { example } from "../fixture.ts";
import { checkReturnInHouse } from "./return-in-house.ts";

describe("return-in-house assessment", () => {
  it("passes when every outsourcing-type option has cost, time, assets and people", () => {
    expect(checkReturnInHouse(example())).toEqual([]);
  });

  it("fails an outsourcing-type option without one", () => {
    const dma = example();
    dma.options.push({ id: "jv", type: "joint-venture" });
    expect(checkReturnInHouse(dma)).toEqual([
      {
        code: "DMA-RETURN",
        severity: "error",
        path: "$.options[2].returnInHouse",
        message:
          'option "jv" (joint-venture) has no assessment of how the service would return in-house (cost, time, assets, people)',
      },
    ]);
  });

  it("names the missing parts, and leaves in-house options alone", () => {
    const dma = example();
    dma.options[1]!.returnInHouse = { cost: 0, assets: " " };
    dma.options.push({ id: "reformed", type: "in-house-reformed" });
    expect(checkReturnInHouse(dma).map((f) => f.message)).toEqual([
      'option "shared" (shared-service): the return-in-house assessment lacks time, assets, people',
    ]);
  });
});
