import { describe, expect, it } from "vitest";
import { formatFloat, stringifyFloats } from "./json.ts";

describe("Cardinal-style JSON", () => {
  it("writes numbers as decimals, like an f64", () => {
    expect(formatFloat(1)).toBe("1.0");
    expect(formatFloat(0)).toBe("0.0");
    expect(formatFloat(0.16666666666666666)).toBe("0.16666666666666666");
    expect(stringifyFloats({ OCID: { F: { R018: 1 } } })).toBe('{"OCID":{"F":{"R018":1.0}}}');
  });

  it("produces valid JSON whose numbers equal the originals", () => {
    const v = { a: [1, 2.5, -3], b: 'x"y', c: { d: 1e-7 } };
    expect(JSON.parse(stringifyFloats(v))).toEqual(v);
  });
});
