/**
 * Money in the decide files is bounded like the API's pence: pounds up to MAX_POUNDS (£10
 * trillion), not negative where a negative sum means nothing (a payment, a budget, a cost). A value
 * past the bound (1e308, 2^63) is refused naming the file and the JSON path and the allowed range,
 * instead of reaching the engine's sums.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCase } from "../../src/decide/case/parse-case.ts";
import { parseContract } from "../../src/decide/horizon/contract-schema.ts";
import { MAX_POUNDS } from "../../src/shared/money.ts";

const contract = JSON.parse(readFileSync("docs/decide/examples/met-sscl-contract.json", "utf8"));
const simpleCase = JSON.parse(readFileSync("docs/decide/examples/simple-case.json", "utf8"));

function failure(run: () => unknown): { message: string; location: unknown } {
  try {
    run();
  } catch (err) {
    return err as { message: string; location: unknown };
  }
  throw new Error("expected the file to be refused");
}

describe("money bounds in decide files", () => {
  // Number("9007199254740993") is what JSON.parse gives for that text: 9007199254740992.
  for (const amount of [1e308, 2 ** 63, Number("9007199254740993"), MAX_POUNDS + 1, -1]) {
    it(`a contract file's annual amount of ${amount} is refused with the path and the range`, () => {
      const bad = structuredClone(contract);
      bad.annual[0].amount = amount;
      expect(failure(() => parseContract(bad, "c.json"))).toMatchObject({
        message: `expected pounds from 0 to ${MAX_POUNDS}`,
        location: { file: "c.json", path: "$.annual[0].amount" },
      });
    });
  }

  it("a contract file at the bound is accepted", () => {
    const ok = structuredClone(contract);
    ok.annual[0].amount = MAX_POUNDS;
    expect(() => parseContract(ok, "c.json")).not.toThrow();
  });

  for (const amount of [1e308, -(2 ** 63), MAX_POUNDS + 1]) {
    it(`a case's cash flow of ${amount} is refused with the path and the range`, () => {
      const bad = structuredClone(simpleCase);
      bad.options[1].cashflows[0].amount = amount;
      expect(failure(() => parseCase(bad, "case.json"))).toMatchObject({
        message: `expected pounds from -${MAX_POUNDS} to ${MAX_POUNDS}`,
        location: { file: "case.json", path: "$.options[1].cashflows[0].amount" },
      });
    });
  }

  it("a case's costs stay negative", () => {
    expect(() => parseCase(simpleCase, "case.json")).not.toThrow();
  });
});
