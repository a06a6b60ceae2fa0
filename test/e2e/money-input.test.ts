/** Money as people type it into the dashboard's forms (web/src/money-input.ts): to integer pence, exactly, or a plain refusal. */
import { describe, expect, it } from "vitest";
import { parseMoneyInput, penceToInput } from "../../web/src/money-input.ts";

const pence = (text: string) => {
  const r = parseMoneyInput(text);
  if (!("pence" in r)) throw new Error(`not money: ${text}: ${JSON.stringify(r)}`);
  return r.pence;
};
const problem = (text: string) => {
  const r = parseMoneyInput(text);
  if (!("problem" in r)) throw new Error(`accepted: ${text}: ${JSON.stringify(r)}`);
  return r.problem;
};

describe("money as people write it", () => {
  it("reads thousands separators, pounds and pence, and the pound sign", () => {
    expect(pence("48,000,000")).toBe(4_800_000_000);
    expect(pence("£48,000,000")).toBe(4_800_000_000);
    expect(pence("1250000.5")).toBe(125_000_050);
    expect(pence("£1,250,000.50")).toBe(125_000_050);
    expect(pence("0.01")).toBe(1);
    expect(pence("0")).toBe(0);
  });

  it("reads k, m, bn and the words, exactly (no float rounding)", () => {
    expect(pence("£48m")).toBe(4_800_000_000);
    expect(pence("£1.2m")).toBe(120_000_000);
    expect(pence("£250k")).toBe(25_000_000);
    expect(pence("1.2 million")).toBe(120_000_000);
    expect(pence("£0.1m")).toBe(10_000_000);
    expect(pence("£2.3bn")).toBe(230_000_000_000);
    expect(pence("1.234567m")).toBe(123_456_700);
    expect(pence("4.35 thousand")).toBe(435_000);
    expect(pence(" £ 3.5 M ")).toBe(350_000_000);
  });

  it("reads costs as negative amounts", () => {
    expect(pence("-£1.2m")).toBe(-120_000_000);
    expect(pence("£-250k")).toBe(-25_000_000);
    expect(pence("-48,000,000")).toBe(-4_800_000_000);
  });

  it("says a blank box is empty, not zero", () => {
    expect(parseMoneyInput("  ")).toEqual({ empty: true });
  });

  it("refuses ambiguous text with a plain message", () => {
    expect(problem("1,2")).toContain("ambiguous");
    expect(problem("1,20")).toContain("ambiguous");
    expect(problem("1.200")).toContain("ambiguous");
    expect(problem("12,0000")).toContain("ambiguous");
    expect(problem("12m5")).toContain("not an amount of money");
    expect(problem("lots")).toContain("not an amount of money");
    expect(problem("1.2.3")).toContain("not an amount of money");
    expect(problem("£")).toContain("not an amount of money");
    expect(problem("1.2 zillion")).toContain('"zillion" is not a unit');
    expect(problem("1.005")).toContain("ambiguous");
    expect(problem("1,000.005")).toContain("more decimals than pence");
    expect(pence("1.2345678m")).toBe(123_456_780);
    expect(problem("1.234567891m")).toContain("more decimals than pence");
    expect(problem("20000bn")).toContain("£10 trillion");
  });

  it("writes pence back as a form shows them, and reads them back the same", () => {
    for (const p of [0, 1, 99, 100, 120_000_000, -4_800_000_050, 123_456_789_012]) {
      expect(pence(penceToInput(p))).toBe(p);
    }
    expect(penceToInput(-120_000_050)).toBe("-1,200,000.50");
  });
});
