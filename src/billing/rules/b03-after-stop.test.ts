import { describe, expect, it } from "vitest";
import { baseWorld, line, results } from "../../../test/billing/fixture.ts";

describe("B03 after-stop", () => {
  it("the stop day is monitored; the days after it are not", () => {
    const w = baseWorld();
    w.serviceEvents.push({ orderId: "O1", subjectId: "S1", event: "stop", date: "2015-03-20" });
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    expect(results(w)).toEqual({ "L1 B03": [11, 11000] });
  });
  it("a restart resumes monitoring from its day", () => {
    const w = baseWorld();
    w.serviceEvents.push(
      { orderId: "O1", subjectId: "S1", event: "stop", date: "2015-03-10" },
      { orderId: "O1", subjectId: "S1", event: "start", date: "2015-03-15" },
    );
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    // 11..14 March.
    expect(results(w)).toEqual({ "L1 B03": [4, 4000] });
  });
  it("one of two orders still monitored keeps the day due", () => {
    const w = baseWorld();
    w.orders.push({
      orderId: "O2",
      subjectId: "S1",
      serviceCode: "EM",
      startDate: "2015-03-01",
      endDate: null,
    });
    w.serviceEvents.push(
      { orderId: "O1", subjectId: "S1", event: "stop", date: "2015-03-05" },
      { orderId: "O2", subjectId: "S1", event: "start", date: "2015-03-08" },
    );
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    // 6 and 7 March: O1 stopped, O2 covers but had not started; O1 had, so after-stop.
    expect(results(w)).toEqual({ "L1 B03": [2, 2000] });
  });
  it("a stop whose order ended is no-order, not after-stop", () => {
    const w = baseWorld();
    w.serviceEvents.push({ orderId: "O1", subjectId: "S1", event: "stop", date: "2015-12-31" });
    w.invoiceLines = [line("L1", "2015-12-31", "2016-01-03")];
    expect(results(w)).toEqual({ "L1 B02": [3, 3000] });
  });
});
