import { describe, expect, it } from "vitest";
import { isoDateField, penceField, textField } from "./fields.ts";

describe("contract-management fields", () => {
  it("takes a real calendar date and refuses one that does not exist, naming the path", () => {
    expect(isoDateField("2024-02-29", "$.d")).toBe("2024-02-29");
    expect(() => isoDateField("2025-02-29", "$.d")).toThrow('expected a date YYYY-MM-DD, got "2025-02-29"');
    expect(() => isoDateField("1 May 2025", "$.d")).toThrow(
      expect.objectContaining({ location: { path: "$.d" } }),
    );
  });
  it("takes whole pence from 0 and refuses fractions, negatives and unsafe integers", () => {
    expect(penceField(0, "$.p")).toBe(0);
    expect(penceField(900_000_000_000, "$.p")).toBe(900_000_000_000);
    expect(() => penceField(-1, "$.p")).toThrow("expected a whole number of pence, 0 or more, got -1");
    expect(() => penceField(1.5, "$.p")).toThrow("got 1.5");
    expect(() => penceField(2 ** 53, "$.p")).toThrow("pence");
  });
  it("trims text and refuses blank text only where it is required", () => {
    expect(textField("  x ", "$.t")).toBe("x");
    expect(textField(undefined, "$.t", false)).toBe("");
    expect(() => textField("   ", "$.t")).toThrow("expected a non-empty text");
  });
});
