import { describe, expect, it } from "vitest";
import { example } from "../fixture.ts";
import { checkScoresComplete } from "./scores-complete.ts";

describe("scores complete", () => {
  it("flags a missing, out-of-range or unevidenced score", () => {
    expect(checkScoresComplete(example())).toEqual([]);
    const dma = example();
    dma.scores = dma.scores.slice(1);
    dma.scores[0]!.score = 7;
    dma.scores[1]!.evidence = "";
    expect(checkScoresComplete(dma).map((f) => f.message)).toEqual([
      "score must be between 0 and 5, got 7",
      'the score of "shared" on "control" has no evidence',
      'option "in-house" is not scored on "control"',
    ]);
  });
});
