import { describe, expect, it } from "vitest";
import { example } from "../fixture.ts";
import { checkCriteria } from "./criteria.ts";

describe("criteria", () => {
  it("needs both kinds, unique ids and positive weights", () => {
    expect(checkCriteria(example())).toEqual([]);
    const dma = example();
    dma.criteria = [
      { id: "cost", name: "Cost", kind: "operational", weight: 0 },
      { id: "cost", name: "Cost again", kind: "operational", weight: 1 },
    ];
    expect(checkCriteria(dma).map((f) => f.message)).toEqual([
      'criterion "cost" needs a weight above 0',
      'duplicate criterion "cost"',
      "no strategic criteria: the assessment needs both strategic and operational criteria",
    ]);
  });
});
