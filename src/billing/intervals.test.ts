import { describe, expect, it } from "vitest";
import { intersect, normalize, subtract } from "./intervals.ts";

describe("interval sets", () => {
  it("normalize sorts and merges touching intervals", () => {
    expect(normalize([10, 12, 1, 3, 4, 5, 20, 19])).toEqual([1, 5, 10, 12]);
  });
  it("subtract leaves the uncovered stretches", () => {
    expect(subtract([1, 31], [5, 6, 10, 40])).toEqual([1, 4, 7, 9]);
    expect(subtract([1, 3, 7, 9], [2, 8])).toEqual([1, 1, 9, 9]);
  });
  it("intersect keeps the common days", () => {
    expect(intersect([1, 10, 20, 30], [5, 25])).toEqual([5, 10, 20, 25]);
  });
});
