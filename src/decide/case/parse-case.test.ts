import { describe, expect, it } from "vitest";
import { InputError } from "../../shared/errors.ts";
import { parseCase } from "./parse-case.ts";

function errorOf(data: unknown): InputError {
  try {
    parseCase(data, "case.json");
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

const ok = {
  name: "IT system",
  discounting: "green-book",
  options: [
    {
      id: "invest",
      cashflows: [
        { year: 0, category: "capex", amount: -1000000 },
        { year: 1, category: "benefit", amount: 150000 },
      ],
    },
  ],
};

describe("parseCase", () => {
  it("accepts the documented minimal shape", () => {
    expect(parseCase(ok).options[0]!.cashflows).toHaveLength(2);
    expect(parseCase({ ...ok, discounting: { rate: 0.05 } }).discounting).toEqual({ rate: 0.05 });
  });

  it("names the JSON path of a wrong type", () => {
    const bad = structuredClone(ok) as { options: Array<{ cashflows: Array<Record<string, unknown>> }> };
    bad.options[0]!.cashflows[1]!.amount = "150000";
    const e = errorOf(bad);
    expect(e.location).toEqual({ file: "case.json", path: "$.options[0].cashflows[1].amount" });
    expect(e.message).toBe("expected a number");
  });

  it("says what is missing and what is allowed", () => {
    expect(errorOf({ ...ok, name: undefined }).message).toBe("required: expected a string");
    const e = errorOf({
      ...ok,
      options: [{ id: "a", cashflows: [{ year: 0, category: "capx", amount: 1 }] }],
    });
    expect(e.location.path).toBe("$.options[0].cashflows[0].category");
    expect(e.message).toMatch(/^expected one of "capex", "opex"/);
    expect(errorOf({ ...ok, discounting: "5%" }).message).toBe(
      'expected "green-book" or {"rate": a number such as 0.05}',
    );
    expect(errorOf({ ...ok, colour: "red" }).message).toBe('unknown field "colour"');
  });

  it("checks references between sections", () => {
    expect(errorOf({ ...ok, baseline: "none" })).toMatchObject({
      message: 'no option has id "none"',
      location: { path: "$.baseline" },
    });
    const withInput = structuredClone(ok) as typeof ok & {
      options: Array<{ cashflows: Array<Record<string, unknown>> }>;
    };
    withInput.options[0]!.cashflows[1]!.input = "saving";
    expect(errorOf(withInput)).toMatchObject({
      message: 'no input has id "saving"',
      location: { path: "$.options[0].cashflows[1].input" },
    });
    expect(
      errorOf({
        ...ok,
        inputs: [{ id: "s", distribution: { type: "triangular", min: 3, mode: 1, max: 5 } }],
      }),
    ).toMatchObject({
      message: "expected min <= mode <= max",
      location: { path: "$.inputs[0].distribution" },
    });
    expect(errorOf({ ...ok, savingsTarget: { amount: 5 } }).message).toBe(
      "a savings target needs a baseline option",
    );
  });
});
