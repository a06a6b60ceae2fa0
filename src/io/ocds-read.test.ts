import { describe, expect, it } from "vitest";
import { Splitter } from "./ocds-read.ts";

/** The texts of the units a whole input splits into, fed in pieces of `step` bytes. */
function units(text: string, step = text.length): string[] {
  const s = new Splitter("in.json");
  const bytes = Buffer.from(text);
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += step)
    for (const u of s.feed(bytes.subarray(i, i + step))) out.push(String(u.buf));
  for (const u of s.end()) out.push(String(u.buf));
  return out;
}

describe("splitting input into JSON values", () => {
  it("ends a number, true, false or null at the bracket closing its array (RFC 8259 allows no space there)", () => {
    for (const step of [1, 3, 100]) {
      expect(units("[1,2]", step)).toEqual(["1", "2"]);
      expect(units("[true,null]\n[false]", step)).toEqual(["true", "null", "false"]);
      expect(units('[{"a":1},-2.5e3]', step)).toEqual(['{"a":1}', "-2.5e3"]);
    }
    expect(units("[1, 2 ]")).toEqual(["1", "2"]);
  });

  it("still refuses a brace closing an array of numbers, and a bracket with no array open", () => {
    expect(() => units("[1}")).toThrow(/unexpected "\}"/);
    expect(() => units("1]")).toThrow(/unexpected "\]"/);
  });
});
