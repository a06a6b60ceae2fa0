import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { compileStream } from "../../src/io/ocds-compile.ts";
import { compileRelease } from "../../src/ocds/merge.ts";
import type { JsonObject } from "../../src/ocds/types.ts";
import { InputError } from "../../src/shared/errors.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-ocds-test-"));

async function run(inputs: string[], opts: Parameters<typeof compileStream>[2] = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const result = await compileStream(inputs, out, opts);
  out.end();
  return { text: Buffer.concat(chunks).toString(), result };
}

/** Releases of 60 ocids, three each, shuffled so groups are split across the file. */
function releases(): JsonObject[] {
  const out: JsonObject[] = [];
  for (let n = 0; n < 60; n++) {
    const ocid = `ocds-t-${n}`;
    out.push({
      ocid,
      id: `${n}-1`,
      date: "2020-01-01T00:00:00Z",
      tag: ["tender"],
      tender: { id: "t", title: `T${n}`, description: "x".repeat(200) },
    });
    out.push({
      ocid,
      id: `${n}-2`,
      date: "2020-02-01T00:00:00Z",
      tag: ["award"],
      awards: [{ id: "a", status: "pending" }],
    });
    out.push({
      ocid,
      id: `${n}-3`,
      date: "2020-03-01T00:00:00Z",
      tag: ["contract"],
      awards: [{ id: "a", status: "active" }],
      contracts: [{ id: "c", awardID: "a" }],
    });
  }
  // A deterministic shuffle: mostly near neighbours, some far.
  return out
    .map((r, i) => ({ r, k: (i * 7919) % 97 < 10 ? i + 150 : i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.r);
}

function expected(rs: JsonObject[]): Map<string, JsonObject> {
  const by = new Map<string, JsonObject[]>();
  for (const r of rs) by.set(r.ocid as string, [...(by.get(r.ocid as string) ?? []), r]);
  return new Map([...by].map(([o, list]) => [o, compileRelease(list)]));
}

describe("streaming compile", () => {
  const rs = releases();
  const jsonl = join(dir, "releases.jsonl");
  writeFileSync(jsonl, `${rs.map((r) => JSON.stringify(r)).join("\n")}\n`);

  it("gives the same compiled releases as compiling in memory, even with a tiny memory budget", async () => {
    for (const memoryBudget of [64 * 1024 * 1024, 4000]) {
      const { text, result } = await run([jsonl], { memoryBudget, tmpDir: dir });
      const got = text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as JsonObject);
      expect(got).toHaveLength(60);
      expect(new Map(got.map((c) => [c.ocid as string, c]))).toEqual(expected(rs));
      expect(result.releases).toBe(180);
      if (memoryBudget === 4000) expect(result.reopened).toBeGreaterThan(0);
    }
  });

  it("reads the input again as often as the budget needs when every ocid's releases are far apart", async () => {
    // Round robin: each ocid's three releases a third of the file apart, so nearly all reopen.
    const robin = [0, 1, 2].flatMap((k) => rs.filter((r) => (r.id as string).endsWith(`-${k + 1}`)));
    const f = join(dir, "robin.jsonl");
    writeFileSync(f, `${robin.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const { text, result } = await run([f], { memoryBudget: 2000, tmpDir: dir, workers: 0 });
    const got = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as JsonObject);
    expect(result.reopened).toBeGreaterThan(50);
    expect(got).toHaveLength(60);
    expect(new Map(got.map((c) => [c.ocid as string, c]))).toEqual(expected(rs));
    // The reopened ocids are written in the order they first appear, however many reads it took.
    const reopenedOrder = got.slice(-result.reopened).map((c) => c.ocid as string);
    const firstSeen = [...new Set(robin.map((r) => r.ocid as string))].filter((o) =>
      reopenedOrder.includes(o),
    );
    expect(reopenedOrder).toEqual(firstSeen);
  });

  it("gives the same bytes with worker threads as on the main thread", async () => {
    const main = await run([jsonl], { memoryBudget: 4000, tmpDir: dir, workers: 0 });
    const threaded = await run([jsonl], { memoryBudget: 4000, tmpDir: dir, workers: 2 });
    expect(threaded.result.workers).toBe(2);
    expect(threaded.text).toBe(main.text);
    expect(threaded.result.reopened).toBe(main.result.reopened);
  });

  it("reports a malformed line found by a worker with its file and line", async () => {
    const bad = join(dir, "bad-worker.jsonl");
    writeFileSync(bad, '{"ocid":"a","id":"1","date":"2020"}\n{"ocid":"a","id":"2","x":tru}\n');
    const err = await run([bad], { tmpDir: dir, workers: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location).toEqual({ file: bad, line: 2, column: 26 });
  });

  it("reads JSON Lines of release packages and a pretty-printed package, and writes a record package", async () => {
    const pkgLines = join(dir, "packages.jsonl");
    writeFileSync(
      pkgLines,
      `${[0, 1, 2].map((i) => JSON.stringify({ uri: `https://example.org/p${i}`, publisher: { name: "Pub" }, version: "1.1", releases: rs.slice(i * 60, i * 60 + 60) })).join("\n")}\n`,
    );
    const pretty = join(dir, "package.json");
    writeFileSync(
      pretty,
      JSON.stringify({ uri: "https://example.org/p3", version: "1.1", releases: [] }, null, 2),
    );
    const { text } = await run([pkgLines, pretty], {
      package: true,
      memoryBudget: 5000,
      tmpDir: dir,
      uri: "https://example.org/records",
      publishedDate: "2024-01-01T00:00:00Z",
    });
    const pkg = JSON.parse(text) as JsonObject;
    expect(Object.keys(pkg).slice(0, 4)).toEqual(["uri", "publisher", "publishedDate", "version"]);
    expect(pkg.packages).toEqual([
      "https://example.org/p0",
      "https://example.org/p1",
      "https://example.org/p2",
      "https://example.org/p3",
    ]);
    const records = pkg.records as JsonObject[];
    expect(records).toHaveLength(60);
    const want = expected(rs);
    for (const rec of records) expect(rec.compiledRelease).toEqual(want.get(rec.ocid as string));
    expect((records[0]!.releases as JsonObject[]).length).toBe(3);
  });

  it("names the file, line and column of a malformed line", async () => {
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"ocid":"a","id":"1","date":"2020"}\n{"ocid":"a","id":"2",,}\n');
    const err = await run([bad], { tmpDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location).toEqual({ file: bad, line: 2, column: 22 });
    expect((err as InputError).message).toBe(
      'malformed JSON: expected a double-quoted property name, found ","',
    );
  });

  it("warns about and skips a release without an ocid", async () => {
    const f = join(dir, "noocid.jsonl");
    writeFileSync(f, '{"ocid":"a","id":"1","date":"2020-01-01"}\n{"id":"2","date":"2020-01-02"}\n');
    const warnings: string[] = [];
    const { text } = await run([f], {
      tmpDir: dir,
      onWarning: (w) => warnings.push(`${w.line}: ${w.message}`),
    });
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(warnings).toEqual(["2: release 2 has no ocid and is skipped"]);
  });

  it('groups by ocids with escapes or non-ASCII text, and ignores "ocid" as a value', async () => {
    const f = join(dir, "odd-ocids.jsonl");
    const lines = [
      {
        note: "ocid",
        x: ["{", '"ocid": "z"'],
        ocid: "ocds-é-1",
        id: "1",
        date: "2020-01-01T00:00:00Z",
        tag: ["tender"],
        tender: { id: "t", title: "A" },
      },
      {
        ocid: 'ocds-"q"-2',
        id: "2",
        date: "2020-01-01T00:00:00Z",
        tag: ["tender"],
        tender: { id: "t", title: "B" },
      },
      {
        ocid: "ocds-é-1",
        id: "3",
        date: "2020-01-02T00:00:00Z",
        tag: ["tender"],
        tender: { id: "t", status: "active" },
      },
      {
        ocid: 'ocds-"q"-2',
        id: "4",
        date: "2020-01-02T00:00:00Z",
        tag: ["tender"],
        tender: { id: "t", status: "active" },
      },
    ];
    // The last line spaces its key and colon the way some publishers do.
    const text = lines.map((l) => JSON.stringify(l));
    text[3] = text[3]!.replace('"ocid":', '"ocid" :  ');
    writeFileSync(f, `${text.join("\n")}\n`);
    const { text: out } = await run([f], { tmpDir: dir });
    const got = new Map(
      out
        .trim()
        .split("\n")
        .map((l) => {
          const c = JSON.parse(l) as JsonObject;
          return [c.ocid, c.tender];
        }),
    );
    expect(got).toEqual(
      new Map([
        ["ocds-é-1", { id: "t", title: "A", status: "active" }],
        ['ocds-"q"-2', { id: "t", title: "B", status: "active" }],
      ]),
    );
  });

  it('handles a release whose first "ocid" text is nested, not its own', async () => {
    const f = join(dir, "nested.jsonl");
    const lines = [
      {
        x_link: { ocid: "b" },
        ocid: "a",
        id: "1",
        date: "2020-01-01T00:00:00Z",
        tag: ["tender"],
        tender: { id: "t", title: "A" },
      },
      { ocid: "b", id: "2", date: "2020-01-02T00:00:00Z", tag: ["tender"], tender: { id: "t", title: "B" } },
      {
        ocid: "a",
        id: "3",
        date: "2020-01-03T00:00:00Z",
        tag: ["tender"],
        tender: { id: "t", status: "active" },
      },
    ];
    writeFileSync(f, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    for (const memoryBudget of [1 << 20, 10]) {
      const { text } = await run([f], { tmpDir: dir, memoryBudget });
      const got = new Map(
        text
          .trim()
          .split("\n")
          .map((l) => {
            const c = JSON.parse(l) as JsonObject;
            return [c.ocid, c.tender];
          }),
      );
      expect(got).toEqual(
        new Map([
          ["a", { id: "t", title: "A", status: "active" }],
          ["b", { id: "t", title: "B" }],
        ]),
      );
    }
  });
});
