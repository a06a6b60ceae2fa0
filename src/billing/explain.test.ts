import { describe, expect, it } from "vitest";
import { baseWorld, line } from "../../test/billing/fixture.ts";
import { explainException, reconcile } from "./index.ts";

describe("explainException", () => {
  it("shows the days, the custody spell and the order behind an in-custody exception", () => {
    const w = baseWorld();
    w.custody = [{ subjectId: "S1", fromDate: "2015-03-10", toDate: "2015-03-12" }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    const { dataset, exceptions } = reconcile(w);
    const ev = explainException(dataset, exceptions[0]!.line, "B05");
    expect(ev.days).toEqual([{ from: "2015-03-10", to: "2015-03-12" }]);
    expect(ev.custody).toEqual([{ from: "2015-03-10", to: "2015-03-12" }]);
    expect(ev.orders).toEqual([
      {
        orderId: "O1",
        start: "2015-01-01",
        end: "2015-12-31",
        events: [{ event: "start", date: "2015-01-01" }],
      },
    ]);
    expect(ev.line).toMatchObject({ lineId: "L1", subjectId: "S1", amount: "310.00" });
  });

  it("names the earlier billing of the same days for billed-twice", () => {
    const w = baseWorld();
    w.invoiceLines = [
      line("L2", "2015-03-01", "2015-03-31", { invoiceId: "INV2" }),
      line("L1", "2015-03-15", "2015-04-10", { invoiceId: "INV1" }),
    ];
    const { dataset, exceptions } = reconcile(w);
    expect(exceptions.map((e) => `${e.lineId} ${e.rule} ${e.days}`)).toEqual(["L2 B08 17"]);
    const ev = explainException(dataset, 0, "B08");
    expect(ev.days).toEqual([{ from: "2015-03-15", to: "2015-03-31" }]);
    expect(ev.earlierBillings).toEqual([
      { index: 1, invoiceId: "INV1", lineId: "L1", from: "2015-03-15", to: "2015-03-31" },
    ]);
  });

  it("shows the prices and the over-price days for above-price", () => {
    const w = baseWorld();
    w.prices.push({
      contractId: "C1",
      serviceCode: "EM",
      validFrom: "2015-03-16",
      validTo: null,
      unitPrice: 1200,
    });
    w.prices[0]!.validTo = "2015-03-15";
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31", { amount: 31 * 1100 })];
    const { dataset, exceptions } = reconcile(w);
    expect(exceptions.map((e) => [e.rule, e.days, e.amountAtRisk])).toEqual([["B09", 15, 1500]]);
    const ev = explainException(dataset, 0, "B09");
    expect(ev.days).toEqual([{ from: "2015-03-01", to: "2015-03-15" }]);
    expect(ev.prices).toEqual([
      { from: "2015-01-01", to: "2015-03-15", unitPrice: "10.00" },
      { from: "2015-03-16", to: null, unitPrice: "12.00" },
    ]);
  });
});

describe("reconcile API", () => {
  it("summarises lines, subject-days, billed and at-risk in pence, and skipped registers", () => {
    const w = baseWorld();
    w.custody = undefined;
    w.invoiceLines = [line("L1", "2015-12-01", "2016-01-09")];
    const { summary } = reconcile(w);
    expect(summary).toMatchObject({
      lines: 1,
      subjectDays: 40,
      billed: 40000,
      atRisk: 9000,
      skippedRules: ["B05"],
    });
    expect(summary.byRule.B02).toEqual({ lines: 1, days: 9, amount: 9000 });
  });
  it("rejects a bad date in typed records with its JSON path", () => {
    const w = baseWorld();
    w.invoiceLines = [
      line("L1", "2015-03-01", "2015-03-31"),
      { ...line("L2", "2015-03-01", "2015-03-31"), periodEnd: "2015-02-30" },
    ];
    expect(() => reconcile(w)).toThrow('expected a date YYYY-MM-DD, got "2015-02-30"');
    try {
      reconcile(w);
    } catch (e) {
      expect((e as { location: unknown }).location).toEqual({ path: "$.invoiceLines[1].periodEnd" });
    }
  });
});
