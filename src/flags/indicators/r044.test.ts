import { describe, expect, it } from "vitest";
import { bid, run } from "../../../test/flags/run.ts";

const party = (id: string, extra: object) => ({ id, roles: ["tenderer"], ...extra });

describe("R044 business similarities between suppliers", () => {
  it("flags tenderers with the same address or the same contact point field", () => {
    const address = {
      streetAddress: "Collusion Street 1",
      locality: "Atlantis City",
      countryName: "Atlantis",
    };
    const { json, result } = run(
      "[R044]",
      [
        { ocid: "Address", parties: [party("A", { address }), party("B", { address })] },
        {
          ocid: "Email",
          parties: [
            party("A", { contactPoint: { email: "bids@example.com", name: "Ann" } }),
            party("C", { contactPoint: { email: "bids@example.com", name: "Bob" } }),
          ],
        },
        {
          ocid: "Different",
          parties: [party("D", { address }), party("E", { address: { ...address, streetAddress: "2" } })],
        },
      ],
      { map: true },
    );
    expect(json.OCID).toEqual({ Address: { R044: 1 }, Email: { R044: 1 } });
    expect(json.Tenderer).toEqual({ A: { R044: 1 }, B: { R044: 1 }, C: { R044: 1 } });
    // Cardinal documents no Maps entry for R044.
    expect(Object.keys(json.Maps)).not.toContain("ocid_tenderer_r044");
    expect(result.flags.find((f) => f.id === "Email")?.values).toMatchObject({
      sharedFields: { A: ["contactPoint.email"], C: ["contactPoint.email"] },
    });
  });

  it("finds tenderers through bids as well as party roles, and ignores other parties", () => {
    const cp = { contactPoint: { telephone: "+44 20 0000 0000" } };
    const { json } = run("[R044]", [
      {
        ocid: "Bids",
        parties: [
          { id: "A", ...cp },
          { id: "B", ...cp },
        ],
        bids: { details: [bid("A", "valid"), bid("B", "valid")] },
      },
      { ocid: "Buyer", parties: [{ id: "X", roles: ["buyer"], ...cp }, party("Y", cp)] },
    ]);
    expect(json.OCID).toEqual({ Bids: { R044: 1 } });
  });

  it("does not match empty values", () => {
    const { json } = run("[R044]", [
      {
        ocid: "Empty",
        parties: [
          party("A", { contactPoint: { email: "" }, address: {} }),
          party("B", { contactPoint: { email: "" }, address: {} }),
        ],
      },
    ]);
    expect(json).toEqual({});
  });

  it("needs the exact same address: every field equal as written, with or without a street address", () => {
    const a = { streetAddress: "Collusion Street 1", locality: "Atlantis City" };
    const { json } = run("[R044]", [
      {
        ocid: "Case",
        parties: [party("A", { address: a }), party("B", { address: { ...a, locality: "ATLANTIS CITY" } })],
      },
      {
        ocid: "Extra",
        parties: [party("A", { address: a }), party("B", { address: { ...a, postalCode: "1" } })],
      },
      {
        ocid: "NoStreet",
        parties: [
          party("C", { address: { locality: "Atlantis City", postalCode: "1234" } }),
          party("D", { address: { locality: "Atlantis City", postalCode: "1234" } }),
        ],
      },
      {
        ocid: "Name",
        parties: [
          party("E", { contactPoint: { name: "Person" } }),
          party("F", { contactPoint: { name: "Person " } }),
        ],
      },
    ]);
    expect(json).toEqual({ OCID: { NoStreet: { R044: 1 } }, Tenderer: { C: { R044: 1 }, D: { R044: 1 } } });
  });

  it("flags a process from party roles alone, without bids", () => {
    const cp = { contactPoint: { url: "http://example.com" } };
    const { json } = run("[R044]", [{ ocid: "F", parties: [party("A", cp), party("B", cp)] }]);
    expect(json).toEqual({ OCID: { F: { R044: 1 } }, Tenderer: { A: { R044: 1 }, B: { R044: 1 } } });
  });
});
