import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { Issue, JsonObject } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import { type CompileStreamOptions, compileStream } from "./ocds-compile.ts";
import { partitionOf } from "./ocds-partition-index.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-ocds-ranges-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(file: string, opts: CompileStreamOptions) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const result = await compileStream([file], out, { tmpDir: dir, ...opts });
  out.end();
  return { text: Buffer.concat(chunks).toString(), result };
}

/** 200 ocids, three releases each, mostly near neighbours, some releases far away (at the end). */
function releaseLines(): string[] {
  const out: JsonObject[] = [];
  for (let n = 0; n < 200; n++) {
    const ocid = `ocds-r-${n}`;
    out.push({
      ocid,
      id: `${n}-1`,
      date: "2021-01-01T00:00:00Z",
      tag: ["tender"],
      tender: { id: "t", title: `Tender ${n}`, items: [{ id: "1", description: "Catering" }] },
    });
    out.push({
      ocid,
      id: `${n}-2`,
      date: "2021-02-01T00:00:00Z",
      tag: ["award"],
      awards: [{ id: "a", status: "pending", value: { amount: 1000 + n, currency: "GBP" } }],
    });
    out.push({
      ocid,
      id: `${n}-3`,
      date: "2021-03-01T00:00:00Z",
      tag: ["contract"],
      tender: { title: null },
      awards: [{ id: "a", status: "active" }],
      contracts: [{ id: "c", awardID: "a" }],
    });
  }
  return out
    .map((r, i) => ({ r, k: (i * 7919) % 97 < 8 ? i + 10_000 : i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => JSON.stringify(x.r));
}

const sorted = (text: string) => text.trim().split("\n").sort();

describe("compiling partitions of the ocids on several threads", () => {
  const file = join(dir, "releases.jsonl");
  writeFileSync(file, `${releaseLines().join("\n")}\n`);

  it("gives every ocid one partition", () => {
    expect(partitionOf("ocds-r-1", 3)).toBe(partitionOf("ocds-r-1", 3));
    const parts = new Set(Array.from({ length: 200 }, (_, n) => partitionOf(`ocds-r-${n}`, 3)));
    expect([...parts].sort()).toEqual([0, 1, 2]);
  });

  it("writes the same compiled releases as one thread, whatever the threads and memory budget", async () => {
    const one = await run(file, { workers: 0 });
    expect(one.result.ocids).toBe(200);
    for (const workers of [2, 3]) {
      for (const memoryBudget of [64 << 20, 3000]) {
        const many = await run(file, { workers, memoryBudget, rangeMinBytes: 0 });
        expect(many.result.workers).toBe(workers);
        expect(many.result.releases).toBe(600);
        expect(many.result.ocids).toBe(200);
        expect(sorted(many.text)).toEqual(sorted(one.text));
        // With little memory, the releases of an ocid far from its last are read back.
        if (memoryBudget === 3000) expect(many.result.reopened).toBeGreaterThan(0);
        // The order of the lines does not depend on which thread is faster.
        expect((await run(file, { workers, memoryBudget, rangeMinBytes: 0 })).text).toBe(many.text);
      }
    }
  });

  it("reads back releases longer than its read window, and releases of one ocid across files", async () => {
    // With a budget of 3,000 bytes the window is 4 KiB: a 10 KB release does not fit in it.
    const lines = releaseLines().map((l, i) =>
      i % 50 === 7 ? l.replace('"tag":', `"description":"${"long text ".repeat(1000)}","tag":`) : l,
    );
    const a = join(dir, "part-a.jsonl");
    const b = join(dir, "part-b.jsonl");
    // The first half of the lines in one file, the rest in another: many ocids are in both.
    writeFileSync(a, `${lines.slice(0, 300).join("\n")}\n`);
    writeFileSync(b, `${lines.slice(300).join("\n")}\n`);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const one = await compileStream([a, b], out, { tmpDir: dir, workers: 0 });
    out.end();
    const oneText = Buffer.concat(chunks).toString();
    expect(one.ocids).toBe(200);
    for (const memoryBudget of [64 << 20, 3000]) {
      const out2 = new PassThrough();
      const got: Buffer[] = [];
      out2.on("data", (c: Buffer) => got.push(c));
      const many = await compileStream([a, b], out2, {
        tmpDir: dir,
        workers: 2,
        memoryBudget,
        rangeMinBytes: 0,
      });
      out2.end();
      expect(many.workers).toBe(2);
      expect(many.ocids).toBe(200);
      expect(sorted(Buffer.concat(got).toString())).toEqual(sorted(oneText));
    }
  });

  it("writes the same record package as one thread", async () => {
    const opts = { package: true, versioned: true, uri: "urn:x", publishedDate: "2024-01-01T00:00:00Z" };
    const one = JSON.parse((await run(file, { ...opts, workers: 0 })).text) as JsonObject;
    const many = JSON.parse(
      (await run(file, { ...opts, workers: 2, memoryBudget: 3000, rangeMinBytes: 0 })).text,
    ) as JsonObject;
    const byOcid = (p: JsonObject) => new Map((p.records as JsonObject[]).map((r) => [r.ocid as string, r]));
    expect(byOcid(many)).toEqual(byOcid(one));
    expect(many.uri).toBe("urn:x");
  });

  it("names the line of a malformed release in the file, not in its range", async () => {
    const lines = releaseLines();
    lines[500] = '{"ocid":"ocds-r-1","id":"x",,}';
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, `${lines.join("\n")}\n`);
    const err = await run(bad, { workers: 2, rangeMinBytes: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location).toEqual({ file: bad, line: 501, column: 29 });
  });

  it("refuses a release nested too deep, naming its line and column as one thread does", async () => {
    const lines = releaseLines();
    lines[300] = `{"ocid":"ocds-r-7","id":"deep","date":"2021-01-01","x":${"[".repeat(70)}${"]".repeat(70)}}`;
    const f = join(dir, "deep.jsonl");
    writeFileSync(f, `${lines.join("\n")}\n`);
    const one = await run(f, { workers: 0 }).catch((e: unknown) => e);
    const many = await run(f, { workers: 2, rangeMinBytes: 0 }).catch((e: unknown) => e);
    expect(many).toBeInstanceOf(InputError);
    expect((many as InputError).message).toBe("JSON nested more than 64 levels deep; nous reads at most 64");
    expect((many as InputError).location).toEqual({ file: f, line: 301, column: 119 });
    expect((many as InputError).location).toEqual((one as InputError).location);
  });

  it("puts ocids with escapes or non-ASCII text in their partition as one thread does", async () => {
    const lines = releaseLines().map((l, i) =>
      i % 3 === 0 ? l.replace(/"ocid":"ocds-r-(\d+)"/, '"ocid":"ocds-\\u00e9-$1"') : l,
    );
    for (const [i, l] of lines.entries())
      if (i % 3 !== 0) lines[i] = l.replace(/"ocid":"ocds-r-/, '"ocid":"ocds-é-');
    const f = join(dir, "accents.jsonl");
    writeFileSync(f, `${lines.join("\n")}\n`);
    const one = await run(f, { workers: 0 });
    // With little memory, lines are read back by position and decoded as UTF-8 there too.
    for (const memoryBudget of [64 << 20, 3000]) {
      const many = await run(f, { workers: 2, memoryBudget, rangeMinBytes: 0 });
      expect(many.result.ocids).toBe(200);
      expect(sorted(many.text)).toEqual(sorted(one.text));
      expect(many.text).toContain('"ocid":"ocds-é-5"');
    }
  });

  it("writes the same lines to a file as one thread, over many batches", async () => {
    // 8,000 ocids, 24,000 releases: several MiB of output, so each worker sends many batches and
    // is given back the buffers of those written.
    const lines: string[] = [];
    const note = "Catering and cleaning of the custody suites, with café and £ signs ".repeat(10);
    for (let n = 0; n < 8000; n++)
      for (const [k, tag] of ["tender", "award", "contract"].entries())
        lines.push(
          JSON.stringify({
            ocid: `ocds-big-${n}`,
            id: `${n}-${k}`,
            date: `2021-0${k + 1}-01T00:00:00Z`,
            tag: [tag],
            tender: { id: "t", title: `Tender ${n}`, description: note },
          }),
        );
    const f = join(dir, "big.jsonl");
    writeFileSync(f, `${lines.join("\n")}\n`);
    const one = await run(f, { workers: 0 });
    const target = join(dir, "big-out.jsonl");
    const out = createWriteStream(target);
    const seen: number[] = [];
    const result = await compileStream([f], out, {
      tmpDir: dir,
      workers: 2,
      rangeMinBytes: 0,
      onProgress: (done, total) => seen.push(done / total),
    });
    await new Promise<void>((resolve) => out.end(resolve));
    expect(result.ocids).toBe(8000);
    // Progress goes on through the compile, not only the scan, and never back.
    expect(seen.some((x) => x > 0.25 && x < 1)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
    expect(statSync(target).size).toBeGreaterThan(6 << 20);
    expect(sorted(readFileSync(target, "utf8"))).toEqual(sorted(one.text));
  });

  it("reads CRLF line ends and blank lines as one thread does", async () => {
    const lines = releaseLines();
    lines.splice(300, 0, "", "   ");
    const f = join(dir, "crlf.jsonl");
    writeFileSync(f, `${lines.join("\r\n")}\r\n`);
    const one = await run(f, { workers: 0 });
    const many = await run(f, { workers: 2, rangeMinBytes: 0 });
    expect(many.result.releases).toBe(600);
    expect(sorted(many.text)).toEqual(sorted(one.text));
  });

  it("rejects a release with two ocid keys, naming its line", async () => {
    const lines = releaseLines();
    lines[400] = '{"ocid":"ocds-r-1","id":"x","date":"2021-01-01","ocid":"ocds-r-2"}';
    const f = join(dir, "two-ocids.jsonl");
    writeFileSync(f, `${lines.join("\n")}\n`);
    const err = await run(f, { workers: 2, rangeMinBytes: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe('the release has more than one "ocid" key');
    expect((err as InputError).location).toEqual({ file: f, line: 401, path: "$.ocid" });
  });

  it("warns about a release without an ocid with its line in the file", async () => {
    const lines = releaseLines();
    lines.splice(450, 0, '{"id":"lost","date":"2021-01-01"}');
    const f = join(dir, "noocid.jsonl");
    writeFileSync(f, `${lines.join("\n")}\n`);
    const warnings: Issue[] = [];
    const { result } = await run(f, { workers: 2, rangeMinBytes: 0, onWarning: (w) => warnings.push(w) });
    expect(result.ocids).toBe(200);
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      "451: release lost has no ocid and is skipped",
    ]);
  });

  it("falls back to one thread when a later line is a package", async () => {
    const lines = releaseLines();
    lines.push(
      JSON.stringify({ uri: "https://example.org/p", releases: [JSON.parse(lines[0]!) as JsonObject] }),
    );
    const f = join(dir, "mixed.jsonl");
    writeFileSync(f, `${lines.join("\n")}\n`);
    const many = await run(f, { workers: 2, rangeMinBytes: 0 });
    const one = await run(f, { workers: 0 });
    expect(many.result.workers).toBe(2);
    expect(many.text).toBe(one.text);
  });
});
