import { describe, expect, it } from "vitest";
import { partiesPresent } from "./parties-present.ts";

describe("suppliers and buyers present in parties", () => {
  it("passes when every reference is in parties", () => {
    expect(
      partiesPresent.run({
        ocid: "o",
        parties: [{ id: "B" }, { id: "S" }],
        buyer: { id: "B" },
        awards: [{ id: "a", suppliers: [{ id: "S" }] }],
      }),
    ).toEqual([]);
  });

  it("names the missing buyer, supplier and tenderer, and references without an id", () => {
    expect(
      partiesPresent.run({
        ocid: "o",
        parties: [{ id: "B" }],
        buyer: { id: "X" },
        tender: { tenderers: [{ name: "No id Ltd" }] },
        awards: [{ id: "a", suppliers: [{ id: "B" }, { id: 7 }] }],
      }),
    ).toEqual([
      { ocid: "o", path: "$.buyer.id", message: 'buyer "X" is not in parties' },
      { ocid: "o", path: "$.tender.tenderers[0]", message: "tenderer has no id to find it in parties" },
      { ocid: "o", path: "$.awards[0].suppliers[1].id", message: "supplier 7 is not in parties" },
    ]);
  });
});
