/**
 * The published data kept as fixtures (UK Contracts Finder, ProZorro, the standard's fictional
 * example) compiles to the same lines whether the worker threads take it (files of release lines
 * and release packages, indexed by position) or one thread does (everything else), each file
 * alone and the fictional example's six packages together.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CompileStreamOptions, compileStream } from "../../src/io/ocds-compile.ts";

const root = fileURLToPath(new URL("../fixtures/ocds/", import.meta.url));
const files: string[] = [];
const walk = (d: string) => {
  for (const n of readdirSync(d).sort()) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith(".json")) files.push(p);
  }
};
walk(root);

async function lines(inputs: string[], opts: CompileStreamOptions) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const result = await compileStream(inputs, out, opts);
  out.end();
  return { lines: Buffer.concat(chunks).toString().trim().split("\n").sort(), result };
}

describe("real published OCDS in partitions and on one thread", () => {
  const fictional = files.filter((f) => /fictional\/ocds-213czf-000-00001-0\d/.test(f));
  const cases = [...files.map((f) => [f]), fictional];

  it("holds the fixtures this test reads", () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
    expect(fictional).toHaveLength(6);
  });

  it.each(cases.map((c) => [c.map((f) => f.slice(root.length)).join(" + "), c] as const))(
    "%s gives the same compiled releases",
    async (_name, inputs) => {
      const one = await lines(inputs, { workers: 0 });
      const many = await lines(inputs, { workers: 2, rangeMinBytes: 0 });
      expect(many.lines).toEqual(one.lines);
      expect(many.result.ocids).toBe(one.result.ocids);
    },
  );

  it("takes the release packages and the release lines on the threads", async () => {
    const cf = files.find((f) => f.endsWith("uk-contracts-finder/record.json"))!;
    expect((await lines([cf], { workers: 2, rangeMinBytes: 0 })).result.partitioned).toBe(true);
    expect((await lines(fictional, { workers: 2, rangeMinBytes: 0 })).result.partitioned).toBe(true);
    const record = files.find((f) => f.endsWith("fictional/record/ocds-213czf-000-00001.json"))!;
    expect((await lines([record], { workers: 2, rangeMinBytes: 0 })).result.partitioned).toBe(false);
  });
});
