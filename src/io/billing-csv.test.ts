import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dayNumber } from "../shared/dates.ts";
import { readCsv } from "./billing-csv.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-billing-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rows(text: string, cols: string[], chunkSize?: number): string[][] {
  const p = join(dir, "t.csv");
  writeFileSync(p, text);
  const out: string[][] = [];
  readCsv(p, "t.csv", cols, (r) => out.push(cols.map((c) => r.text(c))), { chunkSize });
  return out;
}

describe("billing CSV reader", () => {
  it("reads quoted fields with commas, doubled quotes and newlines, CRLF and blank lines", () => {
    expect(rows('a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z', ["a", "b"])).toEqual([
      ["x, y", 'say "hi"'],
      ["two\nlines", "z"],
    ]);
  });
  it("reads the same whatever the read size, with records split across reads", () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n\r\nplain,"two\nlines"\nlast,row';
    const whole = rows(text, ["a", "b"]);
    expect(whole).toEqual([
      ["x, y", 'say "hi"'],
      ["plain", "two\nlines"],
      ["last", "row"],
    ]);
    for (const size of [1, 2, 3, 5, 7, 11]) expect(rows(text, ["a", "b"], size)).toEqual(whole);
  });
  it("drops a UTF-8 byte order mark before a plain or a quoted first column name", () => {
    for (const size of [undefined, 1, 2, 4])
      for (const header of ['\uFEFF"a",b', "\uFEFFa,b"])
        expect(rows(`${header}\r\n1,2\r\n`, ["a", "b"], size)).toEqual([["1", "2"]]);
  });
  it("counts lines across quoted newlines for error locations", () => {
    const p = join(dir, "d.csv");
    writeFileSync(p, 'id,d\n"a\nb",2015-01-01\nc,2015-13-01\n');
    expect(() => readCsv(p, "d.csv", ["id", "d"], (r) => r.date("d"))).toThrow(
      'expected a date YYYY-MM-DD, got "2015-13-01"',
    );
    try {
      readCsv(p, "d.csv", ["id", "d"], (r) => r.date("d"));
    } catch (e) {
      expect((e as { location: unknown }).location).toEqual({ file: "d.csv", line: 4, path: "d" });
    }
  });
  it("parses dates to day numbers and pounds to pence from bytes", () => {
    const p = join(dir, "m.csv");
    writeFileSync(p, "d,m\n2016-02-29,12.3\n1999-12-31,-0.05\n2015-01-01,7\n");
    const got: [number, number][] = [];
    readCsv(p, "m.csv", ["d", "m"], (r) => got.push([r.date("d"), r.pence("m")]));
    expect(got).toEqual([
      [dayNumber("2016-02-29"), 1230],
      [dayNumber("1999-12-31"), -5],
      [dayNumber("2015-01-01"), 700],
    ]);
  });
  it("rejects three decimals and leap-day mistakes", () => {
    const p = join(dir, "b.csv");
    writeFileSync(p, "d,m\n2015-02-29,1.00\n2015-01-01,1.005\n");
    const bad: string[] = [];
    readCsv(
      p,
      "b.csv",
      ["d", "m"],
      (r) => {
        r.date("d");
        r.pence("m");
      },
      { onReject: (x) => bad.push(`${x.line} ${x.column}: ${x.reason}`) },
    );
    expect(bad).toEqual([
      '2 d: expected a date YYYY-MM-DD, got "2015-02-29"',
      '3 m: expected an amount in pounds with up to 2 decimals, got "1.005"',
    ]);
  });
});
