import { describe, expect, it } from "vitest";
import { baseWorld, line, results } from "../../../test/billing/fixture.ts";
import { addBilled } from "./b08-billed-twice.ts";

describe("B08 billed-twice", () => {
  it("one person billed under four orders is due once a day", () => {
    const w = baseWorld();
    for (const id of ["O2", "O3", "O4"]) {
      w.orders.push({
        orderId: id,
        subjectId: "S1",
        serviceCode: "EM",
        startDate: "2015-01-01",
        endDate: null,
      });
      w.serviceEvents.push({ orderId: id, subjectId: "S1", event: "start", date: "2015-01-01" });
    }
    w.invoiceLines = ["O1", "O2", "O3", "O4"].map((o, i) =>
      line(`L${i + 1}`, "2015-03-01", "2015-03-31", { orderId: o }),
    );
    expect(results(w)).toEqual({ "L2 B08": [31, 31000], "L3 B08": [31, 31000], "L4 B08": [31, 31000] });
  });
  it("orders by invoice_id then line_id as plain strings, not by file order", () => {
    const w = baseWorld();
    w.invoiceLines = [
      line("L9", "2015-03-01", "2015-03-31", { invoiceId: "INV2" }),
      line("L10", "2015-03-10", "2015-03-12", { invoiceId: "INV1" }),
      line("L2", "2015-03-11", "2015-03-20", { invoiceId: "INV1" }),
    ];
    // INV1/L10 first ("L10" < "L2"), then INV1/L2 overlaps 11..12, then INV2/L9 overlaps 10..20.
    expect(results(w)).toEqual({ "L2 B08": [2, 2000], "L9 B08": [11, 11000] });
  });
  it("a day already failing another rule is not also billed-twice", () => {
    const w = baseWorld();
    w.custody = [{ subjectId: "S1", fromDate: "2015-03-01", toDate: "2015-03-02" }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-05"), line("L2", "2015-03-01", "2015-03-05")];
    expect(results(w)).toEqual({ "L1 B05": [2, 2000], "L2 B05": [2, 2000], "L2 B08": [3, 3000] });
  });
  it("addBilled merges touching and overlapping stretches", () => {
    const set = [1, 3, 10, 12];
    addBilled(set, 4, 9);
    expect(set).toEqual([1, 12]);
    addBilled(set, 20, 21);
    addBilled(set, 15, 16);
    expect(set).toEqual([1, 12, 15, 16, 20, 21]);
  });
});
