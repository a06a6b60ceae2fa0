// The fast depth check (strings skipped with indexOf) must agree with a plain character-by-character
// scan on every text, including escaped quotes, runs of backslashes and unterminated strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkJsonDepth, findTooDeep, isTooDeep, valueTooDeep } from "./json-depth.ts";

function reference(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      if (++depth > max) return true;
    } else if (c === "]" || c === "}") depth--;
  }
  return false;
}

describe("isTooDeep", () => {
  it("agrees with a character-by-character scan", () => {
    const text = fc.string({
      unit: fc.constantFrom("[", "]", "{", "}", '"', "\\", "a", "\n", ","),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 6 }), (t, max) => {
        expect(isTooDeep(t, max)).toBe(reference(t, max));
        expect(findTooDeep(t, max) !== null).toBe(reference(t, max));
      }),
      { numRuns: 20_000 },
    );
  });

  it("ignores brackets in strings, escaped quotes included", () => {
    expect(isTooDeep(`["${"[".repeat(100)}\\"${"{".repeat(100)}"]`, 2)).toBe(false);
    expect(isTooDeep('["\\\\"[[]]]', 2)).toBe(true);
  });

  it("names the line and column where 20,000 levels go over the limit", () => {
    const deep = `{\n  "a": ${"[".repeat(20_000)}${"]".repeat(20_000)}\n}`;
    expect(findTooDeep(deep)).toEqual({ line: 2, column: 8 + 63 });
    expect(() => checkJsonDepth(deep, "f.json", 10)).toThrow(
      expect.objectContaining({ code: "too_deep", location: { file: "f.json", line: 11, column: 71 } }),
    );
  });
});

describe("valueTooDeep", () => {
  it("gives the verdict isTooDeep gives on the value's JSON text", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (v, max) => {
        expect(valueTooDeep(v, max)).toBe(isTooDeep(JSON.stringify(v), max));
      }),
      { numRuns: 5_000 },
    );
  });

  it("walks a value JSON.parse built from 100,000 levels without running out of stack", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) as unknown;
    expect(valueTooDeep(deep)).toBe(true);
    expect(valueTooDeep({ a: [[{ b: [] }]] }, 5)).toBe(false);
    expect(valueTooDeep({ a: [[{ b: [] }]] }, 4)).toBe(true);
  });
});
