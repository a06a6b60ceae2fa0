import { describe, expect, it } from "vitest";
import { coverage, coverageJson, coverageReduce } from "./coverage.ts";

describe("coverage", () => {
  it("counts non-empty nodes per path, children before parents", () => {
    const counts = coverage([
      {
        firstName: "",
        phoneNumbers: [
          { type: "home", number: "212" },
          { type: "office", number: "646" },
        ],
        x: {},
      },
    ]);
    expect(coverageJson(counts)).toBe(
      '{"/phoneNumbers[]/type": 2, "/phoneNumbers[]/number": 2, "/phoneNumbers[]/": 2, "/phoneNumbers[]": 2, "/phoneNumbers": 1, "/": 1, "": 1}',
    );
  });

  it("treats a line of only empty nodes as empty", () => {
    expect(coverageJson(coverage([{ a: "", b: [], c: {}, d: null, e: [{}] }]))).toBe("{}");
  });

  it("gives an empty member name its parent's path, and counts numbers and booleans", () => {
    expect(Object.fromEntries(coverage([{ "": "x" }]))).toEqual({ "/": 2, "": 1 });
    expect(Object.fromEntries(coverage([{ n: 0, b: false }]))).toEqual({ "/n": 1, "/b": 1, "/": 1, "": 1 });
  });

  it("adds up over lines, and partial counts reduce to the same totals", () => {
    const lines = [{ ocid: "a" }, { ocid: "b", tag: ["x"] }, { tag: [] }];
    const whole = coverage(lines);
    const parts = coverageReduce(coverage(lines.slice(0, 1)), coverage(lines.slice(1)));
    expect([...parts]).toEqual([...whole]);
    expect(whole.get("/ocid")).toBe(2);
    expect(whole.get("")).toBe(2);
  });
});
