// printable() is what stands between input text and an operator's terminal: these cases are the
// bytes that were printed raw before (ESC sequences, line breaks that forge a second log line).
import { describe, expect, it } from "vitest";
import { printable } from "./errors.ts";

describe("printable", () => {
  it("shows ESC, newline, CR, tab and NUL as escapes", () => {
    expect(printable("a\u001b[2Jb")).toBe("a\\x1b[2Jb");
    expect(printable("one\ntwo\r\tthree\u0000")).toBe("one\\ntwo\\r\\tthree\\x00");
  });

  it("escapes DEL, C1 controls and bidirectional overrides", () => {
    expect(printable("x\u007fy\u009bz")).toBe("x\\x7fy\\x9bz");
    expect(printable("invoice\u202egnp.exe")).toBe("invoice\\u202egnp.exe");
  });

  it("leaves ordinary text, accents and emoji alone", () => {
    const text = 'Café £12.50 "quoted" \\ path — 東京 🙂';
    expect(printable(text)).toBe(text);
  });

  it("never leaves a control character in its output", () => {
    let all = "";
    for (let c = 0; c < 0x2100; c++) all += String.fromCharCode(c);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for control characters.
    expect(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(printable(all))).toBe(false);
  });
});
