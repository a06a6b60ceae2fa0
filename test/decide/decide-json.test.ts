import { describe, expect, it } from "vitest";
import { jsonErrorOffset, parseJsonText } from "../../src/io/decide-json.ts";

describe("JSON syntax errors", () => {
  it("accepts what JSON.parse accepts", () => {
    for (const t of ['{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"]}', "[]", " 0 ", '""']) {
      expect(jsonErrorOffset(t), t).toBe(-1);
    }
  });

  it("names the line and column of the first bad character", () => {
    expect(() => parseJsonText('{"name": "x",\n  "discounting": }', "case.json")).toThrow(
      expect.objectContaining({
        message: 'not valid JSON: unexpected "}"',
        location: { file: "case.json", line: 2, column: 18 },
      }),
    );
    expect(() => parseJsonText('{"a": [1, 2,]}')).toThrow(
      expect.objectContaining({ location: { line: 1, column: 13 } }),
    );
    expect(() => parseJsonText('{"a": 1', "c.json")).toThrow(
      expect.objectContaining({
        message: "not valid JSON: unexpected end of input",
        location: { file: "c.json", line: 1, column: 8 },
      }),
    );
  });
});
