/**
 * The streaming compile on one thread (ocds-compile.ts chooses it): reads release packages or
 * releases (JSON, or JSON Lines of packages or releases) from files or stdin, groups releases by
 * ocid and writes one compiled release (or record) per ocid, with memory bounded by a budget
 * rather than by the input size.
 *
 * How: releases are grouped in memory as raw bytes, least recently touched first. When the held
 * text passes the budget, the oldest groups are parsed, merged and written to a temporary file;
 * they are usually complete, because releases of one ocid are usually close together. If a
 * later release arrives for an ocid already written ("reopened"), its earlier output is dropped
 * and, after the first pass, the input is read again keeping only the reopened ocids' releases
 * (found by a cheap text match before parsing), which are then compiled afresh: as many reopened
 * ocids a read as the budget holds (the first read counted their bytes), so input whose
 * releases of an ocid are far apart takes more reads, not more memory. Stdin is copied
 * to a temporary file as it is read so it can be read again.
 *
 * Threads: with `workers` (by default on 4+ cores, for inputs over 64 MiB), lines are read here
 * and parsed, merged and serialised in worker threads (ocds-render-pool.ts).
 */
import { closeSync, createReadStream, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { PackageMetaCollector, recordPackageHead, releasesOf } from "../ocds/record.ts";
import { type Issue, isObject, type Json, type JsonObject } from "../ocds/types.ts";
import {
  bareReleasesMessage,
  detectVersion,
  mixedVersionsMessage,
  type OcdsVersion,
  type SourcedVerdict,
} from "../ocds/version.ts";
import { InputError } from "../shared/errors.ts";
import type { CompileStreamOptions, CompileStreamResult } from "./ocds-compile.ts";
import { parseJson, parseUnit } from "./ocds-json.ts";
import { allOcids, topLevelOcid } from "./ocds-ocid.ts";
import { type PackageRef, readUnits } from "./ocds-read.ts";
import type { ReadSettings } from "./ocds-read-options.ts";
import {
  isContainer,
  type RenderedGroup,
  type RenderGroup,
  type RenderSettings,
  renderGroups,
  type WireItem,
} from "./ocds-render.ts";
import { RenderPool } from "./ocds-render-pool.ts";
import { Sink, streamWriter } from "./ocds-sink.ts";

/** A release waiting in its group: the raw JSON line (parsed only when compiled) or a parsed release. */
interface Pending {
  buf?: Buffer;
  release?: JsonObject;
  /** The package the release came in (its uri is used for linked releases). */
  pkg?: PackageRef;
  file: string;
  line: number;
}

/** A release as sent to a render on this thread (no copy) or, parsed, to a worker. */
function onThread(it: Pending): WireItem {
  const w: WireItem = it.buf
    ? { buf: it.buf, file: it.file, line: it.line }
    : { release: it.release!, file: it.file, line: it.line };
  if (it.pkg?.uri !== undefined) w.packageUri = it.pkg.uri;
  // The package's version decides the merge rules of its releases, as on the workers' path.
  if (it.pkg?.version !== undefined) w.version = it.pkg.version;
  return w;
}

/** An input as read: stdin is read from the copy made of it the first time. */
interface Source {
  path: string;
  /** Name in messages ("-" for stdin). */
  name: string;
  /** While stdin is read the first time: the file its bytes are copied to. */
  tee?: number;
}

interface Group {
  items: Pending[];
  bytes: number;
}

/** Below this much input, worker threads cost more to start than they save. */
const PARALLEL_MIN_BYTES = 64 << 20;
/** Raw bytes of releases per render job. */
const JOB_BYTES = 1 << 20;

/** What compileOnOneThread is given by compileStream. */
export interface OneThreadJob {
  inputs: string[];
  /** Where each input is read from: a copy of stdin, made already, or the input itself. */
  paths: string[];
  out: Writable;
  opts: CompileStreamOptions;
  workDir: () => string;
  budget: number;
  read: ReadSettings;
  settings: RenderSettings;
  cores: number;
  totalBytes: number;
  warn: (issue: Issue) => void;
}

export async function compileOnOneThread(
  job: OneThreadJob,
): Promise<Omit<CompileStreamResult, "warnings" | "partitioned">> {
  const { inputs, paths, out, opts, workDir, budget, read, cores, totalBytes, warn } = job;
  let settings = job.settings;
  const meta = new PackageMetaCollector();
  let extensionCount = 0;
  const groups = new Map<string, Group>();
  let held = 0;
  let releaseCount = 0;
  // Workers pay off only with cores to spare: on two cores the main thread's reading and the
  // workers' start-up (each compiles the TypeScript sources) cost more than they save.
  const workerCount =
    opts.workers ?? (cores >= 4 && totalBytes >= PARALLEL_MIN_BYTES ? Math.min(cores - 1, 4) : 0);
  const pool = workerCount > 0 ? new RenderPool(workerCount) : null;

  // All output goes to a temporary file first, with the byte range of each line, so that the
  // lines of reopened ocids can be left out when it is copied to the output.
  let spillFd: number | null = null;
  let spillBytes = 0;
  const spillStarts: number[] = [];
  /** Ocid -> its line in the temporary file (-1 while being rendered). */
  const emitted = new Map<string, number>();
  const reopened = new Set<string>();
  /** Input bytes of each group being rendered, then of each line written (parallel to spillStarts). */
  const rendering = new Map<string, number>();
  const lineBytes: number[] = [];
  /** Input bytes of all the releases of each reopened ocid. */
  const reopenBytes = new Map<string, number>();
  const dropped = new Set<number>();
  const spill = new Sink((b) => {
    spillFd ??= openSync(join(workDir(), "compiled.jsonl"), "w");
    if (typeof b === "string") writeSync(spillFd, b);
    else writeSync(spillFd, b);
  });

  let lastOcid = "";
  const add = (ocid: string, item: Pending, bytes: number) => {
    const line = emitted.get(ocid);
    if (line !== undefined) {
      if (!reopened.has(ocid)) {
        reopened.add(ocid);
        if (line >= 0) dropped.add(line);
        reopenBytes.set(ocid, (line >= 0 ? lineBytes[line] : rendering.get(ocid)) ?? 0);
      }
      reopenBytes.set(ocid, reopenBytes.get(ocid)! + bytes);
      return;
    }
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

  // Releases of reopened ocids found by a later read, kept as bytes until each is compiled. Each
  // read takes the next reopened ocids, in the order they first appear, while their releases (the
  // bytes of all of them, counted by the first read) fit in the budget; the rest wait for
  // another read. So the output is in the same order whatever the budget, and memory bounded.
  const again = new Map<string, Pending[]>();
  let round = { open: true, held: 0 };
  const keep = (ocid: string, item: Pending) => {
    let list = again.get(ocid);
    if (!list) {
      if (!round.open) return;
      const size = reopenBytes.get(ocid) ?? 0;
      if (round.held > 0 && round.held + size > budget) {
        round.open = false;
        return;
      }
      round.held += size;
      list = [];
      again.set(ocid, list);
    }
    list.push(item);
  };

  const addRelease = (
    release: Json,
    file: string,
    line: number,
    bytes: number,
    pkg: PackageRef | undefined,
    only?: Set<string>,
  ) => {
    if (!isObject(release)) return;
    if (typeof release.ocid !== "string") {
      if (!only) missingOcid(release, file, line);
      return;
    }
    if (only && !only.has(release.ocid)) return;
    if (!only) releaseCount++;
    const item: Pending = pkg ? { release, pkg, file, line } : { release, file, line };
    if (only) keep(release.ocid, item);
    else add(release.ocid, item, bytes);
  };

  /**
   * A package's metadata and OCDS version. Every package of one compile must follow the same
   * version: merging 1.0 releases with 1.1 ones follows neither version's rules.
   */
  let firstPackage: SourcedVerdict | null = null;
  const notePackage = (pkg: JsonObject, file: string, line: number, only?: Set<string>): OcdsVersion => {
    const kind = Array.isArray(pkg.records) ? "record-package" : "release-package";
    const verdict = detectVersion(pkg, kind);
    if (only) return verdict.version;
    meta.add(pkg);
    const ext = meta.result().extensions ?? [];
    if (ext.length > extensionCount && opts.rulesFor) {
      extensionCount = ext.length;
      settings = { ...settings, rules: opts.rulesFor(ext) };
    }
    const here = { file, verdict };
    if (firstPackage === null) {
      firstPackage = here;
      opts.onVersion?.(`${file}:${line}: OCDS ${verdict.version} assumed: ${verdict.reason}`);
    } else if (firstPackage.verdict.version !== verdict.version) {
      throw new InputError(mixedVersionsMessage(firstPackage, here), { location: { file, line } });
    }
    return verdict.version;
  };
  /** Files whose bare releases were announced. */
  const bareNoted = new Set<string>();
  const noteBare = (file: string) => {
    if (bareNoted.has(file)) return;
    bareNoted.add(file);
    opts.onVersion?.(bareReleasesMessage(file));
  };

  const addDocument = (value: Json, file: string, line: number, bytes: number, only?: Set<string>) => {
    const { releases, pkg } = releasesOf(value);
    let ref: PackageRef | undefined;
    if (pkg) {
      const version = notePackage(pkg, file, line, only);
      ref = typeof pkg.uri === "string" ? { uri: pkg.uri, version } : { version };
    } else if (!only && releases.length > 0) noteBare(file);
    const share = releases.length > 0 ? bytes / releases.length : 0;
    for (const release of releases) addRelease(release, file, line, share, ref, only);
  };

  /** The OCDS versions the written groups were merged by: the record package says 1.1 only for 1.1. */
  const merged = new Set<OcdsVersion>();
  // Render jobs in flight, handled in the order they were sent.
  const queue: Promise<RenderedGroup[]>[] = [];
  const maxInFlight = Math.max(1, workerCount * 2);
  const handle = async (results: RenderedGroup[]) => {
    for (const r of results) {
      if (r.version !== undefined && r.text !== null) merged.add(r.version);
      for (const w of r.warnings) warn(w);
      for (const m of r.misplaced) addDocument(m.value, m.file, m.line, m.bytes);
      const bytes = rendering.get(r.ocid) ?? 0;
      rendering.delete(r.ocid);
      if (r.text === null) {
        if (emitted.get(r.ocid) === -1) emitted.delete(r.ocid);
        continue;
      }
      const line = spillStarts.length;
      lineBytes.push(bytes);
      if (reopened.has(r.ocid) && emitted.get(r.ocid) === -1) dropped.add(line);
      if (emitted.has(r.ocid)) emitted.set(r.ocid, line);
      spillStarts.push(spillBytes);
      spillBytes += Buffer.byteLength(r.text) + 1;
      await spill.add(r.text);
      await spill.add("\n");
    }
  };
  const drainOne = async () => handle(await queue.shift()!);
  const drainAll = async () => {
    while (queue.length) await drainOne();
  };
  const submit = async (batch: [string, Pending[]][], markEmitted: boolean) => {
    if (!pool) {
      // On this thread: the releases' own bytes, no copy.
      const wire: RenderGroup[] = batch.map(([ocid, items]) => {
        if (markEmitted) emitted.set(ocid, -1);
        return { ocid, items: items.map(onThread) };
      });
      await handle(renderGroups(wire, null, settings));
      return;
    }
    let size = 0;
    for (const [, items] of batch) for (const it of items) if (it.buf) size += it.buf.length;
    const bytes = size > 0 ? Buffer.allocUnsafeSlow(size) : null;
    let pos = 0;
    const wire: RenderGroup[] = batch.map(([ocid, items]) => {
      if (markEmitted) emitted.set(ocid, -1);
      return {
        ocid,
        items: items.map((it): WireItem => {
          if (!it.buf) return onThread(it);
          it.buf.copy(bytes!, pos);
          const w: WireItem = { start: pos, end: pos + it.buf.length, file: it.file, line: it.line };
          if (it.pkg?.uri !== undefined) w.packageUri = it.pkg.uri;
          if (it.pkg?.version !== undefined) w.version = it.pkg.version;
          pos += it.buf.length;
          return w;
        }),
      };
    });
    queue.push(pool.run(wire, bytes, settings));
    while (queue.length >= maxInFlight) await drainOne();
  };

  /** Renders groups from the least recently used until `target` bytes are held. */
  const evict = async (target: number) => {
    let batch: [string, Pending[]][] = [];
    let batchBytes = 0;
    for (const [ocid, g] of groups) {
      if (held <= target) break;
      groups.delete(ocid);
      held -= g.bytes;
      rendering.set(ocid, g.bytes);
      batch.push([ocid, g.items]);
      batchBytes += g.bytes;
      if (batchBytes >= JOB_BYTES) {
        await submit(batch, true);
        batch = [];
        batchBytes = 0;
      }
    }
    if (batch.length) await submit(batch, true);
  };

  /**
   * One read of an input: every release is grouped (first read) or, with `only`, just those of
   * the reopened ocids are kept. Lines of releases are grouped by the ocid in their text and
   * parsed once, when compiled; so are the releases of a streamed package.
   */
  const readSource = async (source: Source, only?: Set<string>) => {
    let releaseLines = false;
    let first = true;
    const file = source.name;
    const before = doneBytes;
    const keepRaw = (ocid: string, buf: Buffer, line: number, pkg?: PackageRef) => {
      if (only) {
        if (only.has(ocid)) keep(ocid, pkg ? { buf, pkg, file, line } : { buf, file, line });
        return;
      }
      releaseCount++;
      add(ocid, pkg ? { buf, pkg, file, line } : { buf, file, line }, buf.length);
    };
    const tee = source.tee;
    for await (const units of readUnits(source.path, {
      name: file,
      read,
      ...(tee !== undefined ? { tee: (b: Buffer) => writeSync(tee, b) } : {}),
    })) {
      for (const u of units) {
        if (held > budget) await evict(budget / 2);
        if (!only) doneBytes = before + u.end;
        if (u.meta) {
          u.pkg!.version = notePackage(u.meta, file, u.line, only);
          continue;
        }
        const buf = u.buf!;
        if (u.item === "releases") {
          const ocid = topLevelOcid(buf);
          if (ocid !== null) keepRaw(ocid, buf, u.line, u.pkg);
          else {
            const value = parseJson(buf.toString(), file, u.line);
            // A linked release (url, no ocid) in a record has nothing to merge.
            if (isObject(value) && value.ocid === undefined && typeof value.url === "string") continue;
            addRelease(value, file, u.line, buf.length, u.pkg, only);
          }
          continue;
        }
        if (u.item === "records") {
          const value = parseJson(buf.toString(), file, u.line);
          const { releases } = releasesOf(value);
          for (const r of isContainer(value) ? releases : [])
            addRelease(r, file, u.line, buf.length, u.pkg, only);
          continue;
        }
        if (!first && releaseLines) {
          const ocid = topLevelOcid(buf);
          if (ocid !== null) {
            if (!only) noteBare(file);
            keepRaw(ocid, buf, u.line);
            continue;
          }
        }
        if (only && !releaseLines && !allOcids(buf).some((o) => only.has(o))) continue;
        for (const value of parseUnit(u, file)) {
          if (first) releaseLines = !isContainer(value);
          first = false;
          addDocument(value, file, u.line, buf.length, only);
        }
      }
      if (!only) opts.onProgress?.(doneBytes, totalBytes);
    }
  };

  // First read.
  const sources: Source[] = [];
  let doneBytes = 0;
  try {
    for (const [i, file] of inputs.entries()) {
      if (paths[i] !== file) {
        // Stdin, copied already.
        const source: Source = { path: paths[i]!, name: file };
        sources.push(source);
        await readSource(source);
      } else if (file === "-") {
        // Stdin is read once: its bytes are copied as read, for a possible second read.
        const copy = join(workDir(), `stdin-${sources.length}`);
        const source: Source = { path: "-", name: "-", tee: openSync(copy, "w") };
        sources.push(source);
        await readSource(source);
        closeSync(source.tee!);
        delete source.tee;
        source.path = copy;
      } else {
        const source: Source = { path: file, name: file };
        sources.push(source);
        await readSource(source);
      }
    }
    // The groups still held, then any releases a render found misplaced.
    while (groups.size > 0) {
      await evict(0);
      await drainAll();
    }

    // Later reads: only the releases of reopened ocids, as many ocids a read as the budget holds.
    const pending = new Set(reopened);
    while (pending.size > 0) {
      round = { open: true, held: 0 };
      for (const source of sources) await readSource(source, pending);
      // Nothing found (cannot happen for the same input read again): do not read forever.
      if (again.size === 0) break;
      for (const ocid of again.keys()) pending.delete(ocid);
      let batch: [string, Pending[]][] = [];
      let batchBytes = 0;
      for (const [ocid, items] of again) {
        again.delete(ocid);
        batch.push([ocid, items]);
        for (const it of items) batchBytes += it.buf?.length ?? 1000;
        if (batchBytes >= JOB_BYTES) {
          await submit(batch, false);
          batch = [];
          batchBytes = 0;
        }
      }
      if (batch.length) await submit(batch, false);
      await drainAll();
    }
  } finally {
    await pool?.close();
  }
  await spill.flush();

  // Output: the package head, then the lines of the temporary file less the dropped ones.
  const sink = new Sink(streamWriter(out));
  let records = 0;
  if (opts.package) {
    const head = JSON.stringify(
      recordPackageHead(
        meta.result({ uri: opts.uri, publishedDate: opts.publishedDate }),
        merged.size === 1 && merged.has("1.0") ? "1.0" : "1.1",
      ),
    );
    await sink.add(`${head.slice(0, -1)}${head.length > 2 ? "," : ""}"records":[`);
  }
  if (spillFd !== null) {
    closeSync(spillFd);
    spillStarts.push(spillBytes);
    let base = 0;
    let carry: Buffer = Buffer.alloc(0);
    let lineNo = 0;
    const lines = spillStarts.length - 1;
    const stream = createReadStream(join(workDir(), "compiled.jsonl"), { highWaterMark: 1 << 20 });
    if (!opts.package && dropped.size === 0) {
      // Nothing to leave out: pass the bytes through.
      for await (const raw of stream) await sink.add(raw as Buffer);
      records = lines;
    } else
      for await (const raw of stream) {
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
  if (opts.package) await sink.add("]}\n");
  await sink.flush();
  return { releases: releaseCount, ocids: records, reopened: reopened.size, workers: workerCount };
}
