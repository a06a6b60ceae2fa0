import { describe, expect, it } from "vitest";
import { example } from "../fixture.ts";
import { checkPostsBalance } from "./posts-balance.ts";

describe("posts balance", () => {
  it("accepts transferred + retained + redundant = in scope", () => {
    expect(checkPostsBalance(example())).toEqual([]);
  });

  it("says how many posts are unaccounted for", () => {
    const [f] = checkPostsBalance({ ...example(), retained: 30 });
    expect(f!.message).toBe(
      "transferred (445) + retained (30) + redundant (15) = 490, but 500 posts are in scope: 10 posts unaccounted for",
    );
    expect(checkPostsBalance({ ...example(), retained: 41 })[0]!.message).toMatch(/1 post counted twice$/);
  });
});
