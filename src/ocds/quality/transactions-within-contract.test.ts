import { describe, expect, it } from "vitest";
import { transactionsWithinContract } from "./transactions-within-contract.ts";

const tx = (id: string, amount: number, currency = "GBP") => ({ id, value: { amount, currency } });
const release = (txs: unknown[]) => ({
  ocid: "ocds-x-1",
  contracts: [
    {
      id: "c1",
      awardID: "a1",
      value: { amount: 100.1, currency: "GBP" },
      implementation: { transactions: txs },
    },
  ],
});

describe("transactions not above contract value", () => {
  it("accepts payments adding up to exactly the contract value (summed in pence, not floats)", () => {
    expect(
      transactionsWithinContract.run(release([tx("1", 0.1), tx("2", 0.2), tx("3", 99.8)]) as never),
    ).toEqual([]);
  });

  it("flags payments above the contract value", () => {
    expect(transactionsWithinContract.run(release([tx("1", 60), tx("2", 40.11)]) as never)).toEqual([
      {
        ocid: "ocds-x-1",
        path: "$.contracts[0].implementation.transactions",
        message: "transactions total 100.11 GBP, more than the contract value 100.10 GBP",
      },
    ]);
  });

  it("ignores transactions in another currency", () => {
    expect(transactionsWithinContract.run(release([tx("1", 60), tx("2", 500, "EUR")]) as never)).toEqual([]);
  });
});
