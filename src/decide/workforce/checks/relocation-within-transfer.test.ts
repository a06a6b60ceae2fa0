import { describe, expect, it } from "vitest";
import { example } from "../fixture.ts";
import { checkRelocationWithinTransfer } from "./relocation-within-transfer.ts";

describe("relocation within transfer", () => {
  it("accepts relocations up to the posts transferred", () => {
    expect(checkRelocationWithinTransfer(example())).toEqual([]);
  });

  it("flags more relocated than transferred, and an unnamed location", () => {
    const w = {
      ...example(),
      relocated: [
        { location: "Newport", posts: 400 },
        { location: " ", posts: 100 },
      ],
    };
    expect(checkRelocationWithinTransfer(w).map((f) => f.message)).toEqual([
      "500 posts relocated but only 445 transferred",
      "relocated posts need a location",
    ]);
  });
});
