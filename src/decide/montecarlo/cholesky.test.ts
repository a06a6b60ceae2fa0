import { describe, expect, it } from "vitest";
import { cholesky } from "./cholesky.ts";

describe("cholesky", () => {
  it("factors a 2x2 correlation matrix by hand", () => {
    const l = cholesky(Float64Array.from([1, 0.6, 0.6, 1]), 2);
    expect(Array.from(l)).toEqual([1, 0, 0.6, expect.closeTo(0.8, 12)]);
  });

  it("rebuilds the matrix: L L^T = C", () => {
    const c = Float64Array.from([1, 0.5, 0.2, 0.5, 1, -0.3, 0.2, -0.3, 1]);
    const l = cholesky(c, 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += l[i * 3 + k]! * l[j * 3 + k]!;
        expect(s).toBeCloseTo(c[i * 3 + j]!, 12);
      }
  });

  it("refuses correlations that cannot hold together", () => {
    const c = Float64Array.from([1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1]);
    expect(() => cholesky(c, 3)).toThrow("not positive definite (row 3)");
  });
});
