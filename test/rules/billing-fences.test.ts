/**
 * Each billing rule's date boundaries and its price comparison, as docs/billing/<ID>.md states
 * them, tested on the boundary day and the day either side (one one-day line per day): moving a
 * boundary by one day, or turning `>` into `>=`, in a rule must fail one of these.
 */
import { describe, expect, it } from "vitest";
import type { BillingRecords } from "../../src/billing/types.ts";
import { baseWorld, line, results } from "../billing/fixture.ts";

/** One one-day line per date, named by its date. */
function days(w: BillingRecords, dates: string[], extra: Parameters<typeof line>[3] = {}): void {
  w.invoiceLines = dates.map((d) => line(d, d, d, extra));
}

/** The line ids (dates) with an exception, and its rule. */
function failing(w: BillingRecords): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(results(w))) {
    const [id, rule] = key.split(" ") as [string, string];
    out[id] = rule;
  }
  return out;
}

describe("B02: an order covers start_date ≤ d ≤ end_date", () => {
  it("the day before the order and the day after its end are B02; its first and last days are due", () => {
    const w = baseWorld();
    w.orders[0]!.startDate = "2015-03-10";
    w.orders[0]!.endDate = "2015-03-20";
    w.serviceEvents[0]!.date = "2015-03-10";
    days(w, ["2015-03-09", "2015-03-10", "2015-03-11", "2015-03-19", "2015-03-20", "2015-03-21"]);
    expect(failing(w)).toEqual({ "2015-03-09": "B02", "2015-03-21": "B02" });
  });
});

describe("B03: monitored up to and including the stop day", () => {
  it("the day before and the stop day are due, the day after is B03; a restart day is due again", () => {
    const w = baseWorld();
    w.serviceEvents.push(
      { orderId: "O1", subjectId: "S1", event: "stop", date: "2015-03-10" },
      { orderId: "O1", subjectId: "S1", event: "start", date: "2015-03-13" },
    );
    days(w, ["2015-03-09", "2015-03-10", "2015-03-11", "2015-03-12", "2015-03-13", "2015-03-14"]);
    expect(failing(w)).toEqual({ "2015-03-11": "B03", "2015-03-12": "B03" });
  });
});

describe("B04: monitored from the day of the first start event", () => {
  it("the day before the start is B04; the start day and the day after are due", () => {
    const w = baseWorld();
    w.serviceEvents[0]!.date = "2015-03-10";
    days(w, ["2015-03-09", "2015-03-10", "2015-03-11"]);
    expect(failing(w)).toEqual({ "2015-03-09": "B04" });
  });
});

describe("B05: in custody from_date ≤ d ≤ to_date", () => {
  it("the days either side of the spell are due; its first and last days are B05", () => {
    const w = baseWorld();
    w.custody = [{ subjectId: "S1", fromDate: "2015-03-10", toDate: "2015-03-12" }];
    days(w, ["2015-03-09", "2015-03-10", "2015-03-12", "2015-03-13"]);
    expect(failing(w)).toEqual({ "2015-03-10": "B05", "2015-03-12": "B05" });
  });
  it("a one-day spell (from_date = to_date) makes that day B05 and no other", () => {
    const w = baseWorld();
    w.custody = [{ subjectId: "S1", fromDate: "2015-03-10", toDate: "2015-03-10" }];
    days(w, ["2015-03-09", "2015-03-10", "2015-03-11"]);
    expect(failing(w)).toEqual({ "2015-03-10": "B05" });
  });
});

describe("B06: not due after the date of death", () => {
  it("the day before and the day of death are due; the day after is B06", () => {
    const w = baseWorld();
    w.deaths = [{ subjectId: "S1", dateOfDeath: "2015-03-10" }];
    days(w, ["2015-03-09", "2015-03-10", "2015-03-11"]);
    expect(failing(w)).toEqual({ "2015-03-11": "B06" });
  });
});

describe("B07: abroad departure_date ≤ d < return_date", () => {
  it("the day before departure is due, the departure day and the day before return are B07, the return day is due", () => {
    const w = baseWorld();
    w.departures = [{ subjectId: "S1", departureDate: "2015-03-10", returnDate: "2015-03-13" }];
    days(w, ["2015-03-09", "2015-03-10", "2015-03-12", "2015-03-13"]);
    expect(failing(w)).toEqual({ "2015-03-10": "B07", "2015-03-12": "B07" });
  });
  it("back the next day: only the departure day is B07", () => {
    const w = baseWorld();
    w.departures = [{ subjectId: "S1", departureDate: "2015-03-10", returnDate: "2015-03-11" }];
    days(w, ["2015-03-09", "2015-03-10", "2015-03-11"]);
    expect(failing(w)).toEqual({ "2015-03-10": "B07" });
  });
});

describe("B08: only the first billing of a day, by invoice_id then line_id in plain string order", () => {
  it("of two billings of the same day, the later invoice_id is B08; line_id decides within an invoice, L10 before L2", () => {
    const w = baseWorld();
    w.invoiceLines = [
      line("A", "2015-03-10", "2015-03-10", { invoiceId: "INV2" }),
      line("B", "2015-03-10", "2015-03-10", { invoiceId: "INV1" }),
      line("L2", "2015-03-11", "2015-03-11"),
      line("L10", "2015-03-11", "2015-03-11"),
    ];
    expect(failing(w)).toEqual({ A: "B08", L2: "B08" });
  });
  it("overlap by one day: only the shared day is B08, the days either side are due", () => {
    const w = baseWorld();
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-10"), line("L2", "2015-03-10", "2015-03-20")];
    expect(results(w)).toEqual({ "L2 B08": [1, 1000] });
  });
});

describe("B09: at risk when the day's charge is above the price valid that day", () => {
  it("a charge equal to the price is due; 1p over the line is at risk; 1p under is due", () => {
    const w = baseWorld();
    w.invoiceLines = [
      line("under", "2015-03-01", "2015-03-02", { amount: 1999 }),
      line("equal", "2015-03-03", "2015-03-04", { amount: 2000 }),
      line("over", "2015-03-05", "2015-03-06", { amount: 2001 }),
    ];
    // 2001p over 2 days against 1000p a day: 1/2p over each day, 1p in all.
    expect(results(w)).toEqual({ "over B09": [2, 1] });
  });
  it("days before the first price are unpriced: their whole charge is at risk; the first priced day is not", () => {
    const w = baseWorld();
    w.prices[0]!.validFrom = "2015-03-10";
    days(w, ["2015-03-08", "2015-03-09", "2015-03-10", "2015-03-11"]);
    expect(results(w)).toEqual({ "2015-03-08 B09": [1, 1000], "2015-03-09 B09": [1, 1000] });
  });
  it("one line across the first price: the days before it are at risk in full", () => {
    const w = baseWorld();
    w.prices[0]!.validFrom = "2015-03-10";
    w.invoiceLines = [line("L1", "2015-03-07", "2015-03-12")];
    expect(results(w)).toEqual({ "L1 B09": [3, 3000] });
  });
  it("valid_to is the last priced day: the day after it is unpriced", () => {
    const w = baseWorld();
    w.prices[0]!.validTo = "2015-03-10";
    days(w, ["2015-03-09", "2015-03-10", "2015-03-11"]);
    expect(results(w)).toEqual({ "2015-03-11 B09": [1, 1000] });
  });
  it("a gap between two prices is unpriced, from the day after one ends to the day before the next starts", () => {
    const w = baseWorld();
    w.prices = [
      { contractId: "C1", serviceCode: "EM", validFrom: "2015-01-01", validTo: "2015-03-10", unitPrice: 1000 },
      { contractId: "C1", serviceCode: "EM", validFrom: "2015-03-13", validTo: null, unitPrice: 1000 },
    ];
    days(w, ["2015-03-10", "2015-03-11", "2015-03-12", "2015-03-13"]);
    expect(results(w)).toEqual({ "2015-03-11 B09": [1, 1000], "2015-03-12 B09": [1, 1000] });
  });
  it("a zero charge on an unpriced day is not at risk", () => {
    const w = baseWorld();
    w.prices = [];
    w.invoiceLines = [line("free", "2015-03-01", "2015-03-02", { amount: 0 }), line("paid", "2015-03-03", "2015-03-03", { amount: 1 })];
    expect(results(w)).toEqual({ "paid B09": [1, 1] });
  });
});
