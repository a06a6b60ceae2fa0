import { describe, expect, it } from "vitest";
import { example } from "../fixture.ts";
import { checkZeroHoursDeclared } from "./zero-hours-declared.ts";

describe("zero-hours declaration", () => {
  it("accepts a sourced yes or no", () => {
    expect(checkZeroHoursDeclared(example())).toEqual([]);
    expect(
      checkZeroHoursDeclared({ ...example(), zeroHours: { status: "yes", source: "FOI reply" } }),
    ).toEqual([]);
  });

  it("needs the source of a declaration and flags a missing one", () => {
    expect(checkZeroHoursDeclared({ ...example(), zeroHours: { status: "yes" } })[0]).toMatchObject({
      severity: "error",
      message: 'a declaration of "yes" on zero-hour contracts needs its source',
    });
    expect(checkZeroHoursDeclared({ ...example(), zeroHours: { status: "not-declared" } })[0]).toMatchObject({
      severity: "warning",
      code: "W-ZERO-HOURS",
    });
  });
});
