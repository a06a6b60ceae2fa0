/**
 * Bad input files as a user gives them to a real `nous` process: JSON nested 20,000 deep is one
 * line naming the file, line and column and a non-zero exit (it was "Maximum call stack size
 * exceeded" with no location), and an error that echoes a file name or an id shows its control
 * characters escaped, so a raw ESC never reaches the terminal.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeError } from "../../src/cli/main.ts";
import { InputError } from "../../src/shared/errors.ts";
import { MAX_JSON_DEPTH } from "../../src/shared/json-depth.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-bounds-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nous(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/nous.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, NOUS_QUIET: "1" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const DEPTH = 20_000;
const deep = "[".repeat(DEPTH) + "]".repeat(DEPTH);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("JSON nested 20,000 deep", () => {
  // One line: the whole file is read as JSON Lines; the column is where depth 65 opens.
  const oneLine = file("deep-line.json", `${deep}\n`);
  // Pretty-printed: the first line is not complete JSON, so the file is read whole.
  const pretty = file("deep-pretty.json", `{\n  "version": "1.1",\n  "releases": ${deep}\n}\n`);
  // JSON Lines whose third line is the deep one.
  const lines = file("deep-lines.jsonl", `{"ocid":"a"}\n{"ocid":"b"}\n${deep}\n`);

  const cases: Array<[string, string[], string]> = [
    ["nous ocds validate (one line)", ["ocds", "validate", oneLine], `${oneLine}:1:${MAX_JSON_DEPTH + 1}`],
    ["nous ocds validate (pretty)", ["ocds", "validate", pretty], `${pretty}:3:${14 + MAX_JSON_DEPTH}`],
    ["nous ocds validate (JSON Lines)", ["ocds", "validate", lines], `${lines}:3:${MAX_JSON_DEPTH + 1}`],
    ["nous ocds compile", ["ocds", "compile", pretty], `${pretty}:3:${14 + MAX_JSON_DEPTH}`],
    ["nous appraise", ["appraise", pretty], `${pretty}:3:${14 + MAX_JSON_DEPTH}`],
    ["nous horizon", ["horizon", pretty], `${pretty}:3:${14 + MAX_JSON_DEPTH}`],
    ["nous decide dma", ["decide", "dma", pretty], `${pretty}:3:${14 + MAX_JSON_DEPTH}`],
  ];
  const message = `JSON nested more than ${MAX_JSON_DEPTH} levels deep; nous reads at most ${MAX_JSON_DEPTH}`;
  for (const [name, args, where] of cases) {
    it(`${name}: exit 1, one line naming the file, line and column`, () => {
      const r = nous(...args);
      expect(r.code).toBe(1);
      if (args[1] === "validate") {
        // The validator lists each problem as a line of its report and goes on with the next file.
        expect(r.out.split("\n")).toContain(`${where}: error: ${message}`);
        expect(r.err).toMatch(/document\(s\) checked: \d+ error\(s\)/);
      } else {
        expect(r.err).toBe(`nous: ${where}: ${message}\n`);
      }
      expect(r.out + r.err).not.toContain("call stack");
    });
  }
});

describe("control characters in CLI errors", () => {
  it("a file name with ESC [31m is printed escaped", () => {
    const name = join(dir, "no\u001b[31mfile.json");
    const r = nous("appraise", name);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain("\u001b");
    expect(r.err).toBe(`nous: ${join(dir, "no\\x1b[31mfile.json")}: no such file or directory\n`);
  });

  it("an id with ESC [31m in an input error is printed escaped, location included", () => {
    const err = new InputError('unknown option "x\u001b[31my"', {
      location: { file: "a\u001bb.json", line: 2 },
    });
    expect(describeError(err)).toEqual({ code: 1, message: 'a\\x1bb.json:2: unknown option "x\\x1b[31my"' });
    expect(describeError(new Error("bad \u001b[2J\nforged line")).message).toBe("bad \\x1b[2J\\nforged line");
  });

  it("an id with ESC [31m in a file is printed escaped by the real command", () => {
    const bad = file(
      "case.json",
      JSON.stringify({ name: "x\u001b[31m", discounting: "green-book", options: [{ id: "a\u001b[31m" }] }),
    );
    const r = nous("appraise", bad);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain("\u001b");
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  });
});
