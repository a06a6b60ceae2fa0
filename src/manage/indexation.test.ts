import { describe, expect, it } from "vitest";
import { indexPence, indexRatioText, indexUnits, isIndexValue } from "./indexation.ts";

describe("indexing a sum by a stated price index", () => {
  it("carries £10m at index 100 to £10.25m at index 102.5, to the penny", () => {
    expect(indexPence(1_000_000_000, "100", "102.5")).toBe(1_025_000_000);
    expect(indexPence(1_000_000_000, "100.0", "121.7")).toBe(1_217_000_000);
  });
  it("rounds to the nearest penny, halves away from zero", () => {
    // 1p x 3/2 = 1.5p -> 2p; 1p x 5/4 = 1.25p -> 1p
    expect(indexPence(1, "2", "3")).toBe(2);
    expect(indexPence(1, "4", "5")).toBe(1);
    expect(indexPence(-1, "2", "3")).toBe(-2);
  });
  it("is exact on large sums where a float would drift", () => {
    // £3,850,000,000.01 x 133.9/100 = 515,515,000,001.339p -> 515,515,000,001p
    expect(indexPence(385_000_000_001, "100", "133.9")).toBe(515_515_000_001);
  });
  it("refuses an index that is not a positive decimal, naming the field", () => {
    expect(() => indexUnits("1e3", "$.years[2].index")).toThrow(
      expect.objectContaining({ location: { path: "$.years[2].index" } }),
    );
    expect(() => indexUnits("0.0", "$.baseIndex")).toThrow("above zero");
    expect(() => indexUnits("-3", "$.baseIndex")).toThrow('expected an index value such as "102.5"');
    expect(isIndexValue("104.25")).toBe(true);
    expect(isIndexValue("0")).toBe(false);
  });
  it("states the ratio as a percentage", () => {
    expect(indexRatioText("100", "121.7")).toBe("121.7%");
    expect(indexRatioText("100.7", "100.7")).toBe("100.0%");
  });
});
