/**
 * Streaming compile: reads release packages or releases (JSON, or JSON Lines of packages or
 * releases) from files or stdin, groups releases by ocid and writes one compiled release (or
 * record) per ocid, with memory bounded by a budget rather than by the input size.
 *
 * How: releases are grouped in memory, least recently touched first. When the held text passes
 * the budget, the oldest groups are compiled and written to a temporary file; they are usually
 * complete, because releases of one ocid are usually close together. If a later release arrives
 * for an ocid already written ("reopened"), its earlier output is dropped and, after the first
 * pass, the input is read again keeping only the reopened ocids' releases (found by a cheap
 * text match before parsing), which are then compiled afresh. Stdin is copied to a temporary
 * file as it is read so it can be read again.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { compileRelease, versionRelease } from "../ocds/merge.ts";
import {
  buildRecord,
  PackageMetaCollector,
  recordPackageHead,
  releasesOf,
  type SourcedRelease,
} from "../ocds/record.ts";
import type { SchemaRules } from "../ocds/schema.ts";
import { type Issue, isObject, type Json, type JsonObject } from "../ocds/types.ts";
import { parseJson, readDocuments, readRawBatches } from "./ocds-json.ts";

export interface CompileStreamOptions {
  /** Write a record package instead of one compiled release per line. */
  package?: boolean;
  /** Add versioned releases to records (with `package`), or write versioned releases. */
  versioned?: boolean;
  linkedReleases?: boolean;
  rules?: SchemaRules;
  /** Rules for the extensions declared so far; called again whenever a package adds extensions. */
  rulesFor?: (extensions: string[]) => SchemaRules;
  /** Bytes of input text held in memory before the oldest groups are compiled (default 64 MiB). */
  memoryBudget?: number;
  tmpDir?: string;
  uri?: string;
  publishedDate?: string;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  onWarning?: (issue: Issue) => void;
}

export interface CompileStreamResult {
  releases: number;
  ocids: number;
  /** Ocids whose releases were not adjacent enough and needed a second read. */
  reopened: number;
  warnings: number;
}

/** A release waiting in its group: the raw JSON line (parsed only when compiled) or a parsed release. */
interface Pending {
  buf?: Buffer;
  release?: JsonObject;
  packageUri?: string;
  file: string;
  line: number;
}

interface Group {
  items: Pending[];
  bytes: number;
}

/** Writes to a stream, waiting when its buffer is full. */
function streamWriter(out: Writable): (s: string | Buffer) => Promise<void> {
  return (s) =>
    new Promise<void>((resolve, reject) => {
      const ok = out.write(s, (err) => {
        if (err) reject(err);
      });
      if (ok) resolve();
      else out.once("drain", resolve);
    });
}

/** Buffered writes of strings and bytes, in chunks of about a MiB. */
class Sink {
  private parts: (string | Buffer)[] = [];
  private size = 0;
  constructor(private readonly write: (b: Buffer) => Promise<void> | void) {}
  async add(s: string | Buffer): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const all = Buffer.concat(this.parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p)));
    this.parts = [];
    this.size = 0;
    await this.write(all);
  }
}

const OCID_RE = /"ocid"\s*:\s*"((?:[^"\\]|\\.)*)"/;
const ALL_OCID_RE = /"ocid"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
const NON_ASCII = /[\u0080-\uffff]/;

function unescapeJson(s: string): string {
  return s.includes("\\") ? (JSON.parse(`"${s}"`) as string) : s;
}

/** The first `"ocid": "..."` in a line, read from its first KiB when it is there. */
function firstOcid(buf: Buffer): string | null {
  const head = buf.toString("latin1", 0, Math.min(buf.length, 1024));
  let m = OCID_RE.exec(head);
  if (m && !NON_ASCII.test(m[1]!)) return unescapeJson(m[1]!);
  m = OCID_RE.exec(buf.toString());
  return m ? unescapeJson(m[1]!) : null;
}

/** Every `"ocid": "..."` in a line (a package of releases on one line). */
function allOcids(buf: Buffer): string[] {
  let text = buf.toString("latin1");
  if (NON_ASCII.test(text)) text = buf.toString();
  return [...text.matchAll(ALL_OCID_RE)].map((m) => unescapeJson(m[1]!));
}

function isContainer(v: Json | undefined): boolean {
  return isObject(v) && (Array.isArray(v.releases) || Array.isArray(v.records));
}

export async function compileStream(
  inputs: string[],
  out: Writable,
  opts: CompileStreamOptions = {},
): Promise<CompileStreamResult> {
  const budget = opts.memoryBudget ?? 64 * 1024 * 1024;
  let mergeOpts: { rules?: SchemaRules } = opts.rules ? { rules: opts.rules } : {};
  const meta = new PackageMetaCollector();
  let extensionCount = 0;
  const groups = new Map<string, Group>();
  let held = 0;
  let releaseCount = 0;
  let warnings = 0;
  const warn = (i: Issue) => {
    warnings++;
    opts.onWarning?.(i);
  };

  let work: string | null = null;
  const workDir = () => {
    work ??= mkdtempSync(join(opts.tmpDir ?? tmpdir(), "nous-ocds-"));
    return work;
  };
  // Output of groups compiled early, in a temporary file; byte range of each line kept.
  let spillFd: number | null = null;
  let spillBytes = 0;
  const spillStarts: number[] = [];
  const emitted = new Map<string, number>();
  const reopened = new Set<string>();
  // Lines whose first "ocid" text is not their release's ocid ("file#line"), for the second read.
  const misrouted = new Set<string>();
  const spill = new Sink((b) => {
    spillFd ??= openSync(join(workDir(), "compiled.jsonl"), "w");
    writeSync(spillFd, b);
  });

  let lastOcid = "";
  const add = (ocid: string, item: Pending, bytes: number) => {
    if (emitted.has(ocid)) {
      reopened.add(ocid);
      return;
    }
    if (reopened.has(ocid)) return;
    let g = groups.get(ocid);
    if (g === undefined) {
      g = { items: [], bytes: 0 };
      groups.set(ocid, g);
    } else if (ocid !== lastOcid) {
      // Move to the most recently used end.
      groups.delete(ocid);
      groups.set(ocid, g);
    }
    lastOcid = ocid;
    g.items.push(item);
    g.bytes += bytes;
    held += bytes;
  };

  const missingOcid = (release: JsonObject, file: string, line: number) =>
    warn({
      severity: "warning",
      code: "missing-ocid",
      path: "$.ocid",
      file,
      line,
      message: `release ${String(release.id)} has no ocid and is skipped`,
    });

  const addPackage = (pkg: JsonObject) => {
    meta.add(pkg);
    const ext = meta.result().extensions ?? [];
    if (ext.length > extensionCount && opts.rulesFor) {
      extensionCount = ext.length;
      mergeOpts = { rules: opts.rulesFor(ext) };
    }
  };

  const addDocument = (value: Json, file: string, line: number, bytes: number) => {
    const { releases, pkg } = releasesOf(value);
    if (pkg) addPackage(pkg);
    const packageUri = pkg && typeof pkg.uri === "string" ? pkg.uri : undefined;
    const share = releases.length > 0 ? bytes / releases.length : 0;
    for (const release of releases) {
      releaseCount++;
      if (typeof release.ocid !== "string") missingOcid(release, file, line);
      else
        add(release.ocid, packageUri ? { release, packageUri, file, line } : { release, file, line }, share);
    }
  };

  /** Parses a group's raw lines; a release whose ocid is not the group's goes where it belongs. */
  const materialise = (ocid: string, items: Pending[]): SourcedRelease[] => {
    const list: SourcedRelease[] = [];
    for (const item of items) {
      if (item.release) {
        list.push(
          item.packageUri
            ? { release: item.release, packageUri: item.packageUri }
            : { release: item.release },
        );
        continue;
      }
      const value = parseJson(item.buf!.toString(), item.file, item.line);
      if (isObject(value) && value.ocid === ocid && !isContainer(value)) {
        list.push({ release: value });
        continue;
      }
      // Not what the text suggested: a package on one line, or a nested "ocid" came first.
      releaseCount--;
      misrouted.add(`${item.file}#${item.line}`);
      addDocument(value, item.file, item.line, item.buf!.length);
    }
    return list;
  };

  const render = (items: SourcedRelease[]): string => {
    const w: Issue[] = [];
    const releases = items.map((x) => x.release);
    let value: JsonObject;
    if (opts.package) {
      value = buildRecord(
        items,
        { ...mergeOpts, versioned: opts.versioned, linkedReleases: opts.linkedReleases },
        w,
      );
    } else if (opts.versioned) value = versionRelease(releases, mergeOpts, w);
    else value = compileRelease(releases, { ...mergeOpts, consume: true }, w);
    for (const x of w) warn(x);
    return JSON.stringify(value);
  };

  const evict = async (target: number) => {
    for (const [ocid, g] of groups) {
      if (held <= target) break;
      groups.delete(ocid);
      held -= g.bytes;
      const items = materialise(ocid, g.items);
      if (items.length === 0) continue;
      const bytes = Buffer.from(`${render(items)}\n`);
      emitted.set(ocid, spillStarts.length);
      spillStarts.push(spillBytes);
      spillBytes += bytes.length;
      await spill.add(bytes);
    }
  };

  const sources: string[] = [];
  let totalBytes = 0;
  for (const f of inputs) if (f !== "-") totalBytes += statSync(f).size;
  let doneBytes = 0;
  for (const file of inputs) {
    // Stdin is read once, so keep a copy for a possible second read.
    let teeFd: number | null = null;
    if (file === "-") {
      const path = join(workDir(), `stdin-${sources.length}.jsonl`);
      teeFd = openSync(path, "w");
      sources.push(path);
    } else sources.push(file);
    // JSON Lines of releases take the fast path: grouped by the ocid in their text, parsed once
    // when compiled. Lines of packages are parsed as they are read.
    let releaseLines = false;
    for await (const batch of readRawBatches(file)) {
      for (const doc of batch) {
        if (teeFd !== null) {
          if (doc.buf) writeSync(teeFd, Buffer.concat([doc.buf, Buffer.from("\n")]));
          else writeSync(teeFd, `${JSON.stringify(doc.value)}\n`);
        }
        doneBytes += doc.bytes + 1;
        if (doc.value !== undefined) {
          releaseLines = doc.buf !== undefined && !isContainer(doc.value);
          addDocument(doc.value, file, doc.line, doc.bytes);
        } else {
          const buf = doc.buf!;
          const ocid = releaseLines ? firstOcid(buf) : null;
          if (ocid !== null) {
            releaseCount++;
            add(ocid, { buf: Buffer.from(buf), file, line: doc.line }, buf.length);
          } else addDocument(parseJson(buf.toString(), file, doc.line), file, doc.line, buf.length);
        }
        if (held > budget) await evict(budget / 2);
      }
      opts.onProgress?.(doneBytes, totalBytes);
    }
    if (teeFd !== null) closeSync(teeFd);
  }
  opts.onProgress?.(doneBytes, totalBytes);
  await spill.flush();

  // Second read: only the releases of reopened ocids, kept as bytes until each is compiled.
  const again = new Map<string, Pending[]>();
  const keep = (ocid: string, item: Pending) => {
    let list = again.get(ocid);
    if (!list) {
      list = [];
      again.set(ocid, list);
    }
    list.push(item);
  };
  if (reopened.size > 0) {
    for (const source of sources) {
      let releaseLines = false;
      for await (const batch of readRawBatches(source)) {
        for (const doc of batch) {
          if (doc.value === undefined && releaseLines && !misrouted.has(`${source}#${doc.line}`)) {
            const o = firstOcid(doc.buf!);
            if (o !== null && reopened.has(o))
              keep(o, { buf: Buffer.from(doc.buf!), file: source, line: doc.line });
            continue;
          }
          if (doc.value !== undefined) releaseLines = doc.buf !== undefined && !isContainer(doc.value);
          else if (!releaseLines && !allOcids(doc.buf!).some((o) => reopened.has(o))) continue;
          const value = doc.value ?? parseJson(doc.buf!.toString(), source, doc.line);
          const { releases, pkg } = releasesOf(value);
          const packageUri = pkg && typeof pkg.uri === "string" ? pkg.uri : undefined;
          for (const release of releases) {
            const ocid = release.ocid;
            if (typeof ocid !== "string" || !reopened.has(ocid)) continue;
            keep(
              ocid,
              packageUri
                ? { release, packageUri, file: source, line: doc.line }
                : { release, file: source, line: doc.line },
            );
          }
        }
      }
    }
  }

  // Final output: the package head, the early groups (less the reopened ones), then the rest.
  const write = streamWriter(out);
  const sink = new Sink(write);
  let records = 0;
  const sep = opts.package ? "," : "";
  const emit = async (text: string) => {
    await sink.add(records > 0 ? `${sep}${text}` : text);
    if (!opts.package) await sink.add("\n");
    records++;
  };
  if (opts.package) {
    const head = JSON.stringify(
      recordPackageHead(meta.result({ uri: opts.uri, publishedDate: opts.publishedDate })),
    );
    await sink.add(`${head.slice(0, -1)}${head.length > 2 ? "," : ""}"records":[`);
  }
  if (spillFd !== null) {
    closeSync(spillFd);
    spillStarts.push(spillBytes);
    const dropped = new Set<number>();
    for (const ocid of reopened) {
      const n = emitted.get(ocid);
      if (n !== undefined) dropped.add(n);
    }
    // Copy the early output line by line (byte ranges are known), skipping dropped lines.
    let base = 0;
    let carry: Buffer = Buffer.alloc(0);
    let lineNo = 0;
    const lines = spillStarts.length - 1;
    for await (const raw of createReadStream(join(workDir(), "compiled.jsonl"), { highWaterMark: 1 << 20 })) {
      const chunk = carry.length ? Buffer.concat([carry, raw as Buffer]) : (raw as Buffer);
      const end = base + chunk.length;
      while (lineNo < lines && spillStarts[lineNo + 1]! <= end) {
        if (!dropped.has(lineNo)) {
          const line = chunk.subarray(spillStarts[lineNo]! - base, spillStarts[lineNo + 1]! - base);
          if (opts.package) {
            if (records > 0) await sink.add(",");
            await sink.add(line.subarray(0, line.length - 1));
          } else await sink.add(line);
          records++;
        }
        lineNo++;
      }
      const keepFrom = lineNo < lines ? spillStarts[lineNo]! : end;
      carry = chunk.subarray(keepFrom - base);
      base = keepFrom;
    }
  }
  for (const [ocid, g] of groups) {
    const items = materialise(ocid, g.items);
    if (items.length) await emit(render(items));
  }
  for (const [ocid, items] of again) {
    const list = items.map((item) => {
      const release = item.release ?? (parseJson(item.buf!.toString(), item.file, item.line) as JsonObject);
      return item.packageUri ? { release, packageUri: item.packageUri } : { release };
    });
    again.delete(ocid);
    await emit(render(list));
  }
  if (opts.package) await sink.add("]}\n");
  await sink.flush();
  if (work) rmSync(work, { recursive: true, force: true });
  return { releases: releaseCount, ocids: records, reopened: reopened.size, warnings };
}

/** Reads every document of the inputs into memory and compiles (small inputs and tests). */
export async function readReleases(
  inputs: string[],
): Promise<{ items: SourcedRelease[]; packages: JsonObject[] }> {
  const items: SourcedRelease[] = [];
  const packages: JsonObject[] = [];
  for (const file of inputs) {
    for await (const doc of readDocuments(file)) {
      const { releases, pkg } = releasesOf(doc.value);
      if (pkg) packages.push(pkg);
      const packageUri = pkg && typeof pkg.uri === "string" ? pkg.uri : undefined;
      for (const release of releases) items.push(packageUri ? { release, packageUri } : { release });
    }
  }
  return { items, packages };
}
