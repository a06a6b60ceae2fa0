import { describe, expect, it } from "vitest";
import { buyer, schemaErrors, supplier } from "../../../test/ocds/notice-fixture.ts";
import { compileRelease } from "../merge.ts";
import type { JsonObject } from "../types.ts";
import {
  NOTICE_TYPES,
  noticeFromRegister,
  noticesFromRegister,
  type RegisterContract,
  type RegisterData,
  type RegisterEvents,
  standstillEnd,
} from "./from-register.ts";

const OCID = "ocds-b5fd17-met-fphr";
const contract: RegisterContract = {
  ocid: OCID,
  title: "Finance, procurement and HR back-office services",
  description: "Back-office services for the Met",
  buyer: buyer.name,
  supplier: supplier.name,
  value_pence: 21_600_000_000,
  awarded_on: "2015-08-03",
  start_date: "2015-11-01",
  end_date: "2025-10-31",
};
const none: RegisterEvents = { kpis: [], ratings: [], changes: [], termination: null };
const kpis: RegisterEvents["kpis"] = ["a", "b", "c"].map((k) => ({
  id: `kpi-${k}`,
  title: `KPI ${k}`,
  description: "",
  target: "99%",
}));
const data = (over: Partial<RegisterData> = {}): RegisterData => ({
  contract,
  events: none,
  buyer,
  supplier,
  ...over,
});
const reason = (a: ReturnType<typeof noticeFromRegister>) => (a.ok ? a.about : a.reason);

/** A tender release as a tender notice would have published it, compiled with the engine's merge. */
const tenderRelease = (tender: JsonObject): JsonObject =>
  compileRelease([
    {
      ocid: OCID,
      id: `${OCID}-tender-1`,
      date: "2014-09-01T09:00:00Z",
      tag: ["tender"],
      initiationType: "tender",
      parties: [{ id: buyer.id, name: buyer.name, roles: ["buyer"] }],
      buyer: { id: buyer.id, name: buyer.name },
      tender: { id: `${OCID}-tender`, ...tender },
    },
  ]);
const fullTender: JsonObject = {
  title: "Back-office services",
  procurementMethod: "selective",
  mainProcurementCategory: "services",
  value: { amount: 216000000.5, currency: "GBP" },
  tenderPeriod: { startDate: "2014-09-01T09:00:00Z", endDate: "2014-10-15T12:00:00Z" },
  items: [
    {
      id: "1",
      description: "Accounting services",
      classification: {
        scheme: "CPV",
        id: "79200000",
        description: "Accounting, auditing and fiscal services",
      },
      additionalClassifications: [{ scheme: "CPV", id: "79600000" }],
    },
  ],
};
const notAwarded = { ...contract, awarded_on: null };

describe("notices from the register", () => {
  it("ends the standstill 8 working days after the award, skipping weekends", () => {
    expect(standstillEnd("2015-08-03")).toBe("2015-08-13"); // Monday -> Thursday of the next week
    expect(standstillEnd("2015-08-07")).toBe("2015-08-19"); // Friday -> Wednesday
  });

  it("answers every notice type in order, producible or with a reason", () => {
    const all = noticesFromRegister(data({ events: { ...none, kpis } }));
    expect(all.map((n) => n.type)).toEqual([...NOTICE_TYPES]);
    expect(all.filter((n) => n.attempt.ok).map((n) => n.type)).toEqual(["UK6", "UK7"]);
    const uk6 = all.find((n) => n.type === "UK6")!.attempt;
    expect(reason(uk6)).toBe(
      "award to Shared Services Connected Ltd for £216,000,000; standstill ends 2015-08-13",
    );
    if (uk6.ok) expect(schemaErrors(uk6.release)).toEqual([]);
  });

  it("refuses pre-award notices once the contract is awarded", () => {
    expect(reason(noticeFromRegister("UK1", data()))).toBe(
      "UK1 comes before the award; this contract was awarded on 2015-08-03",
    );
    expect(reason(noticeFromRegister("UK4", data({ compiled: tenderRelease(fullTender) })))).toBe(
      "UK4 comes before the award; this contract was awarded on 2015-08-03",
    );
  });

  it("refuses post-award notices before the award", () => {
    const planned = { ...contract, awarded_on: null, supplier: "" };
    for (const type of ["UK6", "UK7", "UK9", "UK10", "UK11"] as const)
      expect(reason(noticeFromRegister(type, data({ contract: planned })))).toBe(
        `${type} comes after the award; this contract has not been awarded yet`,
      );
  });

  it("names the register fields a notice lacks", () => {
    const c = { ...contract, supplier: "" };
    expect(reason(noticeFromRegister("UK6", data({ contract: c })))).toBe(
      "UK6 needs the contract's supplier: not recorded",
    );
    expect(reason(noticeFromRegister("UK9", data({ contract: { ...contract, ocid: null } })))).toBe(
      "UK9 needs the contract's ocid: not recorded",
    );
  });

  it("takes UK7's KPI rule from the builder: over £5m needs 3 KPIs, valued as entered into", () => {
    expect(reason(noticeFromRegister("UK7", data({ events: { ...none, kpis: kpis.slice(0, 1) } })))).toBe(
      "UK7: a contract worth more than £5,000,000 needs at least 3 KPIs (Procurement Act 2023 s.52); 1 given",
    );
    const small = { ...contract, value_pence: 400_000_000 };
    expect(noticeFromRegister("UK7", data({ contract: small })).ok).toBe(true);
  });

  it("says UK10 is not required for a small change, and reports UK11 only after a termination", () => {
    const change = {
      id: "ch-1",
      changedOn: "2020-01-01",
      works: false,
      valueBeforePence: 100_000,
      valueAfterPence: 105_000,
      startDate: "2015-11-01",
      endBefore: "2025-10-31",
      endAfter: "2025-10-31",
      description: "More payroll",
      rationale: "Volume",
      noticeRequired: false,
      noticeReasons: [],
    };
    expect(reason(noticeFromRegister("UK10", data({ events: { ...none, changes: [change] } })))).toBe(
      "UK10 is not required: change ch-1 moves the value and the term by 10% or less (15% for works)",
    );
    expect(reason(noticeFromRegister("UK11", data()))).toBe(
      "UK11 needs a termination: the contract has not ended",
    );
  });
});

describe("UK4 from the releases held for the ocid", () => {
  it("builds the tender notice from the compiled tender: procedure, period, CPV codes, value", () => {
    const a = noticeFromRegister("UK4", data({ contract: notAwarded, compiled: tenderRelease(fullTender) }));
    expect(reason(a)).toBe(
      "selective procedure, estimated £216,000,001; tenders due by 2014-10-15T12:00:00Z",
    );
    if (!a.ok) throw new Error(a.reason);
    expect(a.release.id).toBe(`${OCID}-UK4`);
    expect(a.release.date).toBe("2014-09-01T09:00:00Z");
    expect(a.release.tender).toMatchObject({
      title: "Back-office services",
      procurementMethod: "selective",
      value: { amount: 216000000.5, currency: "GBP" },
      tenderPeriod: { startDate: "2014-09-01T09:00:00Z", endDate: "2014-10-15T12:00:00Z" },
      items: [
        { classification: { scheme: "CPV", id: "79200000" } },
        { classification: { scheme: "CPV", id: "79600000", description: "Accounting services" } },
      ],
    });
    expect(schemaErrors(a.release)).toEqual([]);
  });

  it("names what the stored tender lacks", () => {
    const { procurementMethod: _m, tenderPeriod: _p, items: _i, ...bare } = fullTender;
    const partial = { ...bare, procurementMethod: "direct", tenderPeriod: { startDate: "2014-09-01" } };
    expect(
      reason(noticeFromRegister("UK4", data({ contract: notAwarded, compiled: tenderRelease(partial) }))),
    ).toBe(
      `UK4 needs the tender's procurementMethod (open or selective), tenderPeriod.endDate, items with CPV classifications: not in the releases held for ${OCID}`,
    );
  });

  it("says no releases are held when the ocid has none", () => {
    expect(reason(noticeFromRegister("UK4", data({ contract: notAwarded })))).toBe(
      `UK4 needs the tender's procedure, tender period and CPV codes: no releases are held for ${OCID}`,
    );
  });
});
