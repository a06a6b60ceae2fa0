// Release packages compiled in partitions (indexed on the main thread, read by position in the
// workers) give what one thread gives: the same lines, the same errors at the same places, the
// same refusals; anything but release packages is left to one thread.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { deriveRules, extendSchema, releaseSchemaOf } from "../ocds/schema.ts";
import type { Issue, JsonObject } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import { type CompileStreamOptions, compileStream } from "./ocds-compile.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-ocds-packages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(files: string[], opts: CompileStreamOptions) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const warnings: Issue[] = [];
  const versions: string[] = [];
  const result = await compileStream(files, out, {
    tmpDir: dir,
    onWarning: (w) => warnings.push(w),
    onVersion: (m) => versions.push(m),
    ...opts,
  });
  out.end();
  return { text: Buffer.concat(chunks).toString(), result, warnings, versions };
}
const both = async (files: string[], opts: CompileStreamOptions = {}) => ({
  one: await run(files, { ...opts, workers: 0 }),
  many: await run(files, { ...opts, workers: 2, rangeMinBytes: 0 }),
});
const sorted = (text: string) => text.trim().split("\n").sort();
const fail = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e);

/** 150 ocids, three releases each (the tender names its tenderers), spread through the package. */
function releases(): JsonObject[] {
  const out: JsonObject[] = [];
  for (let k = 0; k < 3; k++)
    for (let n = 0; n < 150; n++)
      out.push({
        ocid: `ocds-p-${n}`,
        id: `${n}-${k}`,
        date: `2021-0${k + 1}-01T00:00:00Z`,
        tag: [["tender", "award", "contract"][k]!],
        ...(k === 0 ? { parties: [{ id: "b", name: "Council", roles: ["buyer"] }] } : {}),
        tender: {
          id: "t",
          title: `Tender ${n} for the café`,
          tenderers: [{ id: `s${k}`, name: `Supplier ${k}` }],
          items: [{ id: "1", description: `Item ${n}` }],
        },
      });
  return out;
}
const pkg = (rs: JsonObject[], extra: JsonObject = {}) => ({
  uri: "https://example.org/p.json",
  publishedDate: "2024-01-01T00:00:00Z",
  version: "1.1",
  ...extra,
  releases: rs,
});
const file = (name: string, value: unknown, pretty = true) => {
  const f = join(dir, name);
  writeFileSync(f, pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value));
  return f;
};

describe("release packages compiled in partitions", () => {
  it("give the lines one thread gives, pretty or compact, one package or several one after another", async () => {
    const rs = releases();
    const pretty = file("pretty.json", pkg(rs));
    const compact = file("compact.json", pkg(rs), false);
    const a = file("a.json", pkg(rs.slice(0, 200)));
    const b = file("b.json", pkg(rs.slice(200)));
    for (const files of [[pretty], [compact], [a, b]]) {
      const { one, many } = await both(files);
      expect(many.result.partitioned).toBe(true);
      expect(many.result.releases).toBe(450);
      expect(many.result.ocids).toBe(150);
      expect(sorted(many.text)).toEqual(sorted(one.text));
      expect(many.versions).toEqual(one.versions);
    }
  });

  it("merge a package without version by the 1.0 rules, as one thread does", async () => {
    const rs = releases().map(({ parties: _parties, ...r }) => r);
    const f = file("v10.json", {
      uri: "https://example.org/p.json",
      publishedDate: "2024-01-01T00:00:00Z",
      releases: rs,
    });
    const { one, many } = await both([f]);
    expect(many.result.partitioned).toBe(true);
    expect(sorted(many.text)).toEqual(sorted(one.text));
    // Under 1.0 the tenderers of the latest release replace the earlier ones.
    const first = JSON.parse(many.text.trim().split("\n")[0]!) as { tender: { tenderers: unknown[] } };
    expect(first.tender.tenderers).toEqual([{ id: "s2", name: "Supplier 2" }]);
    expect(many.versions[0]).toContain("OCDS 1.0 assumed");
  });

  it("use the rules of the extensions the packages declare", async () => {
    const patch = { properties: { tender: { properties: { items: { wholeListMerge: true } } } } };
    const rulesFor = (ext: string[]) =>
      deriveRules(extendSchema(releaseSchemaOf("1.1"), ext.length ? [patch] : []));
    const f = file("ext.json", pkg(releases(), { extensions: ["https://example.org/x/extension.json"] }));
    const { one, many } = await both([f], { rulesFor });
    expect(many.result.partitioned).toBe(true);
    expect(sorted(many.text)).toEqual(sorted(one.text));
  });

  it("refuse packages of two versions, naming both and the upgrade, as one thread does", async () => {
    const a = file("mix-a.json", pkg(releases().slice(0, 10)));
    const b = file("mix-b.json", {
      uri: "x",
      publishedDate: "2024-01-01T00:00:00Z",
      releases: releases().slice(10, 20),
    });
    const one = await fail(run([a, b], { workers: 0 }));
    const many = await fail(run([a, b], { workers: 2, rangeMinBytes: 0 }));
    expect(many).toBeInstanceOf(InputError);
    expect((many as InputError).message).toBe((one as InputError).message);
    expect((many as InputError).message).toContain("nous ocds upgrade");
  });

  it("name the line and column of a malformed release, and warn of one without an ocid, as one thread does", async () => {
    const rs = releases();
    const text = JSON.stringify(pkg(rs), null, 2).split("\n");
    // A release with a stray comma, well inside the package.
    const at = text.findIndex((l) => l.includes('"id": "70-1"'));
    text[at] = text[at]!.replace('"id": "70-1",', '"id": "70-1",,');
    const bad = join(dir, "bad.json");
    writeFileSync(bad, text.join("\n"));
    const one = await fail(run([bad], { workers: 0 }));
    const many = await fail(run([bad], { workers: 2, rangeMinBytes: 0 }));
    expect(many).toBeInstanceOf(InputError);
    expect((many as InputError).location).toEqual((one as InputError).location);
    expect((many as InputError).location).toMatchObject({ file: bad, line: at + 1 });

    // One thread names the line of a document it read whole (this package: line 1); the
    // threads name the line the release itself starts on.
    const withLost = [...rs.slice(0, 30), { id: "lost", date: "2021-01-01" }, ...rs.slice(30)];
    const lost = file("lost.json", pkg(withLost));
    const { one: o, many: m } = await both([lost]);
    expect(m.result.partitioned).toBe(true);
    expect(sorted(m.text)).toEqual(sorted(o.text));
    expect(m.warnings.map((w) => w.message)).toEqual(o.warnings.map((w) => w.message));
    expect(m.warnings[0]!.message).toBe("release lost has no ocid and is skipped");
    const lostLines = JSON.stringify(pkg(withLost), null, 2).split("\n");
    expect(m.warnings[0]!.line).toBe(lostLines.findIndex((l) => l.includes('"id": "lost"')));
  });

  it("place an error on a compact package's one line in that line's columns, as one thread does", async () => {
    const rs = releases();
    const good = JSON.stringify(pkg(rs));
    const comma = join(dir, "compact-bad.json");
    writeFileSync(comma, good.replace('"id":"70-1",', '"id":"70-1",,'));
    const deep = join(dir, "compact-deep.json");
    writeFileSync(deep, good.replace('"id":"80-2",', `"id":"80-2","x":${"[".repeat(70)}${"]".repeat(70)},`));
    for (const f of [comma, deep]) {
      const one = await fail(run([f], { workers: 0 }));
      const many = await fail(run([f], { workers: 2, rangeMinBytes: 0 }));
      expect(many, f).toBeInstanceOf(InputError);
      expect((many as InputError).message, f).toBe((one as InputError).message);
      expect((many as InputError).location, f).toEqual((one as InputError).location);
      expect((many as InputError).location.line, f).toBe(1);
    }
  });

  it("read a UTF-8 byte order mark before a package or JSON Lines as nothing, on one thread or several", async () => {
    const rs = releases();
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const plainPkg = file("plain.json", pkg(rs));
    const bomPkg = join(dir, "bom.json");
    writeFileSync(bomPkg, Buffer.concat([bom, Buffer.from(JSON.stringify(pkg(rs), null, 2))]));
    const lines = `${rs.map((r) => JSON.stringify(r)).join("\n")}\n`;
    const plainLines = join(dir, "plain.jsonl");
    writeFileSync(plainLines, lines);
    const bomLines = join(dir, "bom.jsonl");
    writeFileSync(bomLines, Buffer.concat([bom, Buffer.from(lines)]));
    const expected = sorted((await run([plainPkg], { workers: 0 })).text);
    expect(sorted((await run([plainLines], { workers: 0 })).text)).toEqual(expected);
    for (const f of [bomPkg, bomLines]) {
      const { one, many } = await both([f]);
      expect(sorted(one.text), f).toEqual(expected);
      expect(sorted(many.text), f).toEqual(expected);
      expect(many.result.partitioned, f).toBe(true);
    }
  });

  it("decompress gzip to a file first and compile it on the threads, refusing a .gz that is not gzip as one thread does", async () => {
    const rs = releases();
    const gzPkg = join(dir, "pkg.json.gz");
    writeFileSync(gzPkg, gzipSync(JSON.stringify(pkg(rs), null, 2)));
    const gzLines = join(dir, "lines.jsonl.gz");
    writeFileSync(gzLines, gzipSync(`${rs.map((r) => JSON.stringify(r)).join("\n")}\n`));
    const expected = sorted((await run([file("plain-gz.json", pkg(rs))], { workers: 0 })).text);
    for (const f of [gzPkg, gzLines]) {
      const { one, many } = await both([f]);
      expect(sorted(one.text), f).toEqual(expected);
      expect(sorted(many.text), f).toEqual(expected);
      expect(many.result.partitioned, f).toBe(true);
    }
    const fake = join(dir, "fake.json.gz");
    writeFileSync(fake, JSON.stringify(pkg(rs)));
    const one = await fail(run([fake], { workers: 0 }));
    const many = await fail(run([fake], { workers: 2, rangeMinBytes: 0 }));
    expect(many).toBeInstanceOf(InputError);
    expect((many as InputError).message).toBe((one as InputError).message);
    expect((many as InputError).message).toContain("cannot decompress the gzip input");
    expect((many as InputError).location).toEqual({ file: fake });
  });

  it("leave to one thread a gzip file that holds more than its last four bytes say", async () => {
    // Two gzip members one after another (as `cat a.gz b.gz` makes): the size at the end is the
    // second's alone, and the first holds far more.
    const rs = releases();
    const many = (k: number) => rs.map((r) => JSON.stringify({ ...r, ocid: `${String(r.ocid)}-${k}` }));
    const firstMember = Array.from({ length: 40 }, (_, k) => many(k).join("\n")).join("\n");
    const lastMember = many(99).join("\n");
    const f = join(dir, "members.jsonl.gz");
    writeFileSync(f, Buffer.concat([gzipSync(`${firstMember}\n`), gzipSync(`${lastMember}\n`)]));
    const { one, many: threads } = await both([f]);
    expect(threads.result.partitioned).toBe(false);
    expect(threads.result.ocids).toBe(150 * 41);
    expect(threads.text).toBe(one.text);
    expect(readdirSync(dir).filter((n) => n.startsWith("nous-ocds-"))).toEqual([]);
  });

  it("leave a record package, bare releases in an array and JSON Lines of packages to one thread", async () => {
    const rs = releases();
    const record = file("records.json", {
      uri: "x",
      publishedDate: "2024-01-01T00:00:00Z",
      version: "1.1",
      records: [{ ocid: "ocds-p-1", releases: rs.filter((r) => r.ocid === "ocds-p-1") }],
    });
    const array = file("array.json", rs);
    const lines = join(dir, "packages.jsonl");
    writeFileSync(lines, `${JSON.stringify(pkg(rs.slice(0, 200)))}\n${JSON.stringify(pkg(rs.slice(200)))}\n`);
    for (const f of [record, array, lines]) {
      const { one, many } = await both([f]);
      expect(many.text, f).toBe(one.text);
      expect(many.result.partitioned, f).toBe(false);
    }
  });
});
