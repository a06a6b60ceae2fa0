import { describe, expect, it } from "vitest";
import { contractAwardValue } from "./contract-award-value.ts";

const release = (contractAmount: number, currency = "GBP") => ({
  ocid: "ocds-x-1",
  awards: [{ id: "a1", value: { amount: 1000, currency: "GBP" } }],
  contracts: [{ id: "c1", awardID: "a1", value: { amount: contractAmount, currency } }],
});

describe("contract value within 50-150% of award value", () => {
  it("accepts 50% and 150% exactly", () => {
    expect(contractAwardValue.run(release(500))).toEqual([]);
    expect(contractAwardValue.run(release(1500))).toEqual([]);
  });

  it("flags a contract at 10x its award (a unit error)", () => {
    expect(contractAwardValue.run(release(10000))).toEqual([
      {
        ocid: "ocds-x-1",
        path: "$.contracts[0].value.amount",
        message: "contract value 10000.00 GBP is 1000% of award a1 (1000.00 GBP); expected 50-150%",
      },
    ]);
    expect(contractAwardValue.run(release(499.99))).toHaveLength(1);
  });

  it("skips contracts in another currency or without a matching award", () => {
    expect(contractAwardValue.run(release(10000, "EUR"))).toEqual([]);
    expect(
      contractAwardValue.run({
        ocid: "o",
        contracts: [{ id: "c", awardID: "zz", value: { amount: 1, currency: "GBP" } }],
      }),
    ).toEqual([]);
  });
});
