import { describe, expect, it } from "vitest";
import { CSV_BOM, csvDocument, csvHeader, csvRow, num, text, verbatim } from "./csv.ts";

describe("CSV cells", () => {
  it("writes a text cell that a spreadsheet would run as a formula with a ' in front (OWASP)", () => {
    expect(csvRow([text('=HYPERLINK("http://x","y")')])).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvRow([text("+cmd|' /C calc'!A0")])).toBe("'+cmd|' /C calc'!A0");
    expect(csvRow([text("@SUM(1+1)")])).toBe("'@SUM(1+1)");
    expect(csvRow([text("-2+3")])).toBe("'-2+3");
    expect(csvRow([text("\t=1")])).toBe("'\t=1");
    expect(csvRow([text("\r=1")])).toBe('"\'\r=1"');
    expect(csvRow([text("-12.50")])).toBe("'-12.50");
  });

  it("leaves other text alone, quoting a comma, a quote or a line break (RFC 4180)", () => {
    expect(
      csvRow([text("INV-2015-03"), text(""), text("a,b"), text('say "hi"'), text("x\ny"), text(" =1")]),
    ).toBe('INV-2015-03,,"a,b","say ""hi""","x\ny", =1');
  });

  it("writes numbers as they are, negative ones too, and refuses anything that is not one", () => {
    expect(csvRow([num(-1250), num("-12.50"), num("0"), num(31), num("310.00")])).toBe(
      "-1250,-12.50,0,31,310.00",
    );
    for (const bad of ["=1", "-2+3", "", "1e3", " 1", "1.", "+1", "0x10"])
      expect(() => num(bad), JSON.stringify(bad)).toThrow(/is not a decimal number/);
    for (const bad of [0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      expect(() => num(bad), String(bad)).toThrow(/is not a safe integer/);
  });

  it("writes verbatim cells for nous's own parser unprefixed, quoted when needed", () => {
    expect(csvRow([verbatim("=1"), verbatim("-2+3"), verbatim('=A("x")')])).toBe('=1,-2+3,"=A(""x"")"');
  });

  it("builds a whole file: header, rows ending in LF, a BOM only when asked", () => {
    const rows = [[text("@x"), num("-1.00")]];
    expect(csvDocument(["id", "amount"], rows, { bom: true })).toBe(`${CSV_BOM}id,amount\n'@x,-1.00\n`);
    expect(csvDocument(["id", "amount"], [], { bom: false })).toBe("id,amount\n");
    expect(CSV_BOM).toBe("\uFEFF");
    expect(csvHeader(["a", "b c"])).toBe("a,b c");
  });
});
