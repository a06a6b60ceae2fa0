import { describe, expect, it } from "vitest";
import {
  addDecimal,
  compareDecimal,
  isDecimal,
  normalDecimal,
  subtractDecimal,
  timesWhole,
} from "./decimal.ts";

describe("exact decimals", () => {
  it("compares figures of different scales exactly", () => {
    expect(compareDecimal("98.5", "98.50")).toBe(0);
    expect(compareDecimal("0.3", addDecimal("0.1", "0.2"))).toBe(0);
    expect(compareDecimal("99.49", "99.5")).toBe(-1);
    expect(compareDecimal("-1", "-2")).toBe(1);
  });
  it("adds, subtracts and multiplies by a whole number", () => {
    expect(subtractDecimal("99.5", "0.5")).toBe("99");
    expect(subtractDecimal("1", "1.25")).toBe("-0.25");
    expect(timesWhole("0.75", 2)).toBe("1.5");
    expect(normalDecimal("98.50")).toBe("98.5");
  });
  it("knows a plain decimal", () => {
    expect(isDecimal("98.5")).toBe(true);
    expect(isDecimal("1e3")).toBe(false);
    expect(isDecimal("n/a")).toBe(false);
  });
});
