/** Shares as people type them into the contract form (web/src/percent-input.ts): to basis points, exactly, or a plain refusal. */
import { describe, expect, it } from "vitest";
import { bpToInput, parsePercentInput } from "../../web/src/percent-input.ts";

describe("a share as people write it", () => {
  it("reads 75%, 75, 33.33, 12.5 % and .5 as basis points, on the digits", () => {
    expect(["75%", "75", "33.33", "12.5 %", ".5", "100", "0.01"].map(parsePercentInput)).toEqual([
      { bp: 7500 },
      { bp: 7500 },
      { bp: 3333 },
      { bp: 1250 },
      { bp: 50 },
      { bp: 10_000 },
      { bp: 1 },
    ]);
    expect(parsePercentInput("  ")).toEqual({ empty: true });
  });

  it("refuses what is not a percentage, or finer than a hundredth, in plain words", () => {
    expect(parsePercentInput("three quarters")).toEqual({
      problem: '"three quarters" is not a percentage: write it as 75%, 75 or 33.33.',
    });
    expect(parsePercentInput("33.333")).toMatchObject({
      problem: expect.stringContaining("two decimal places"),
    });
    expect(parsePercentInput("-5%")).toMatchObject({ problem: expect.any(String) });
  });

  it("shows basis points back as the form takes them", () => {
    expect([7500, 3333, 1250, 5].map(bpToInput)).toEqual(["75%", "33.33%", "12.5%", "0.05%"]);
    for (const bp of [1, 99, 3333, 10_000]) expect(parsePercentInput(bpToInput(bp))).toEqual({ bp });
  });
});
