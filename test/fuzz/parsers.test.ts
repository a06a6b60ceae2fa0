/**
 * Property tests (fast-check, fixed seed and run counts, so the suite is deterministic) for the
 * file readers: arbitrary text never crashes the billing CSV reader, the Cardinal settings reader
 * or the JSON readers with anything but an InputError that names where (line, column or field)
 * and says what was expected.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseJsonText } from "../../src/io/decide-json.ts";
import { readCsvText } from "../../src/io/billing-csv.ts";
import { parseJson } from "../../src/io/ocds-json.ts";
import { parseSettings } from "../../src/flags/settings.ts";
import { InputError } from "../../src/shared/errors.ts";

const SEED = 20261202;
let total = 0;
afterAll(() => console.log(`fuzz: parsers: ${total} cases in total`));

/** Runs `fn` on every generated input; returns the count. Only a located InputError may escape. */
function fuzz<T>(name: string, arb: fc.Arbitrary<T>, numRuns: number, fn: (x: T) => void): void {
  fc.assert(
    fc.property(arb, (x) => {
      try {
        fn(x);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        const loc = err.location;
        expect(loc.line !== undefined || loc.column !== undefined || loc.path !== undefined).toBe(true);
        expect(err.message.length).toBeGreaterThan(0);
        expect(err.message).not.toMatch(/TypeError|undefined is not|Cannot read/);
      }
    }),
    { seed: SEED, numRuns },
  );
  total += numRuns;
  console.log(`fuzz: ${name}: ${numRuns} cases`);
}

const csvChars = fc.constantFrom("a", "1", ",", '"', "\n", "\r", "-", ".", "2024-01-31", "£", " ", "\u0000");
const csvText = fc.array(csvChars, { maxLength: 80 }).map((a) => a.join(""));
const header = "contract_id,service_code,valid_from,valid_to,unit_price\n";

describe("fuzz: file readers", () => {
  it("billing CSV: any text is rows or a located InputError", () => {
    const cols = ["contract_id", "service_code", "valid_from", "valid_to", "unit_price"];
    fuzz("billing CSV (after a good header)", csvText, 1500, (t) => {
      readCsvText(header + t, "prices.csv", cols, (r) => {
        r.id("contract_id");
        r.date("valid_from");
        r.optDate("valid_to");
        r.pence("unit_price");
      });
    });
    fuzz("billing CSV (any bytes)", fc.uint8Array({ maxLength: 200 }), 1000, (b) => {
      readCsvText(Buffer.from(b), "prices.csv", cols, (r) => r.pence("unit_price"));
    });
  });

  it("Cardinal INI settings: any text is settings or a located InputError", () => {
    const iniPiece = fc.constantFrom("[R024]", "[R003]", "[defaults]", "[x", "threshold", " = ", "=", "0.5", "abc", "\n", "; c", "# c", "|", "currency", "2024-13-01", "start_date");
    fuzz("settings INI", fc.array(iniPiece, { maxLength: 30 }).map((a) => a.join("")), 2000, (t) => {
      parseSettings(t, "settings.ini");
    });
  });

  it("JSON readers: any text is a value or an InputError with line and column", () => {
    const jsonish = fc.oneof(
      fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1))),
      fc.string({ maxLength: 60 }),
      fc.json(),
    );
    fuzz("OCDS JSON", jsonish, 1500, (t) => {
      parseJson(t, "x.json");
    });
    fuzz("decide JSON", jsonish, 1500, (t) => {
      parseJsonText(t, "case.json");
    });
  });
});
