import { describe, expect, it } from "vitest";
import { InputError } from "../shared/errors.ts";
import { DEFAULT_SETTINGS_INI } from "./default-settings.ts";
import { INDICATOR_CODES, parseSettings } from "./settings.ts";

function errorOf(text: string): InputError {
  try {
    parseSettings(text, "s.ini");
  } catch (err) {
    return err as InputError;
  }
  throw new Error("expected an error");
}

describe("settings file", () => {
  it("enables indicators by section, even empty ones, and reads their properties", () => {
    const s = parseSettings("[R024]\nthreshold = 0.05\n[R036]\n[R038]\nminimum_submitted_bids = 3\n");
    expect(Object.keys(s.indicators)).toEqual(["R024", "R036", "R038"]);
    expect(s.indicators.R024?.threshold).toBe(0.05);
    expect(s.indicators.R038?.minimumSubmittedBids).toBe(3);
  });

  it("reads global properties before any section and pipe-separated lists", () => {
    const s = parseSettings(
      "currency = USD\nno_price_comparison_procurement_methods = Random Selection|Sorteo de Obras\n" +
        "[exclusions]\nprocurement_method_details = A | B\n[R018]\nprocurement_methods = open|selective # default\n",
    );
    expect(s.currency).toBe("USD");
    expect([...(s.noPriceComparisonProcurementMethods ?? [])]).toEqual([
      "Random Selection",
      "Sorteo de Obras",
    ]);
    expect([...(s.exclusions.procurementMethodDetails ?? [])]).toEqual(["A", "B"]);
    expect([...(s.indicators.R018?.procurementMethods ?? [])]).toEqual(["open", "selective"]);
  });

  it("reads [R003.procurement_method_details] as free names with whole-number values", () => {
    const s = parseSettings(
      "[R003.procurement_method_details]\nCotización = 7\nLicitación de Seguros = 10\n",
    );
    expect(s.indicators.R003?.procurementMethodDetails).toEqual(
      new Map([
        ["Cotización", 7],
        ["Licitación de Seguros", 10],
      ]),
    );
  });

  it("reads the prepare sections and codelists", () => {
    const s = parseSettings(
      "[defaults]\nbid_status = valid\nparty_roles = true\n[redactions]\namount = 0|99999999\n" +
        "[codelists.bid_status]\nQualified = valid\n[modifications]\nsplit_procurement_method_details = -\n",
    );
    expect(s.defaults).toEqual({ bidStatus: "valid", partyRoles: true });
    expect([...(s.redactions.amount ?? [])]).toEqual([0, 99999999]);
    expect(s.codelists.bidStatus.get("Qualified")).toBe("valid");
    expect(s.modifications.splitProcurementMethodDetails).toBe("-");
  });

  it("ignores comments starting with ; or #", () => {
    const s = parseSettings("; [R024]\n# [R025]\n[R035]\n; threshold = 3\nthreshold = 2 ; two\n");
    expect(Object.keys(s.indicators)).toEqual(["R035"]);
    expect(s.indicators.R035?.threshold).toBe(2);
  });

  it("rejects an unknown property, naming the section, property, file and line", () => {
    const err = errorOf("[R024]\nthreshhold = 1\n");
    expect(err).toBeInstanceOf(InputError);
    expect(err.location).toEqual({ file: "s.ini", line: 2, path: "R024.threshhold" });
    expect(err.message).toBe('unknown property "threshhold" in section [R024]; expected one of threshold');
  });

  it("rejects properties in sections that take none, unknown sections and unknown global keys", () => {
    expect(errorOf("[R036]\nthreshold = 1\n").message).toContain("this section takes no properties");
    expect(errorOf("[R999]\n").message).toContain("unknown section [R999]");
    expect(errorOf("currenc = USD\n").location.path).toBe("currenc");
  });

  it("rejects values of the wrong type", () => {
    expect(errorOf("[R003]\nthreshold = 1.5\n").message).toBe(
      'expected a whole number (0 or more), got "1.5"',
    );
    expect(errorOf("[R024]\nthreshold = low\n").message).toBe('expected a decimal number, got "low"');
    expect(errorOf("[defaults]\nparty_roles = yes\n").message).toBe('expected true or false, got "yes"');
    expect(errorOf("[R055]\nstart_date = 2025-02-30\n").location.path).toBe("R055.start_date");
  });

  it("writes a default file that enables every indicator and parses cleanly", () => {
    const s = parseSettings(DEFAULT_SETTINGS_INI);
    expect(Object.keys(s.indicators).sort()).toEqual([...INDICATOR_CODES]);
  });
});
