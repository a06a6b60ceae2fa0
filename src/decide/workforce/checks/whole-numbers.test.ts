import { describe, expect, it } from "vitest";
import { example } from "../fixture.ts";
import { checkWholeNumbers } from "./whole-numbers.ts";

describe("whole-number post counts", () => {
  it("passes whole counts and names a fractional or negative one", () => {
    expect(checkWholeNumbers(example())).toEqual([]);
    const w = { ...example(), redundant: 2.5, relocated: [{ location: "Newport", posts: -1 }] };
    expect(checkWholeNumbers(w).map((f) => f.path)).toEqual(["$.redundant", "$.relocated[0].posts"]);
  });
});
