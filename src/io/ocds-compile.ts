/**
 * Streaming compile (`nous ocds compile`): one compiled release, versioned release or record per
 * ocid, from release packages or releases (JSON, JSON Lines, concatenated JSON, gzip) in files or
 * on stdin, in memory bounded by a budget rather than by the input's size. This file chooses how:
 *
 * - Files of release lines (8 MiB or more) on a machine with two or more cores are compiled by
 *   worker threads that read them themselves, each the ocids of its partition
 *   (ocds-compile-parallel.ts); release packages the same way, once this thread has indexed
 *   their releases (ocds-compile-packages.ts). Stdin is copied to a file first so that it can be
 *   too.
 * - Everything else is compiled on this thread (ocds-compile-one-thread.ts), with worker threads
 *   for parsing and merging only on 4+ cores.
 *
 * Its temporary files (a copy of stdin, the output before reopened ocids' early lines are left
 * out) are in one folder, removed however the compile ends.
 */
import {
  closeSync,
  createWriteStream,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statfsSync,
  statSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { SchemaRules } from "../ocds/schema.ts";
import type { Issue } from "../ocds/types.ts";
import { bareReleasesMessage } from "../ocds/version.ts";
import { compileOnOneThread } from "./ocds-compile-one-thread.ts";
import { indexPackages } from "./ocds-compile-packages.ts";
import { compilePartitions, startsWithReleaseLine } from "./ocds-compile-parallel.ts";
import { inputChunks } from "./ocds-read.ts";
import { active, NO_READ_OPTIONS, type ReadSettings } from "./ocds-read-options.ts";
import type { RenderSettings } from "./ocds-render.ts";
import { COMPILED } from "./runtime-paths.ts";

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
  /**
   * Worker threads; 0 runs on this thread. Default: one per core (up to 8) for files of release
   * lines or release packages of 8 MiB or more (64 MiB from the TypeScript sources), each
   * compiling the ocids of its partition; otherwise cores - 1 (up to 4) on 4+ cores for inputs
   * over 64 MiB, parsing and merging lines read by this thread.
   */
  workers?: number;
  tmpDir?: string;
  /** Size from which files of release lines or packages are compiled in partitions, one per thread (see `workers`). */
  rangeMinBytes?: number;
  uri?: string;
  publishedDate?: string;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  onWarning?: (issue: Issue) => void;
  /** Told which OCDS version was assumed for an input, and why. */
  onVersion?: (message: string) => void;
  /** --encoding and --root-path, parsed by readSettingsOf, for both reads (default: none). */
  read?: ReadSettings;
}

export interface CompileStreamResult {
  releases: number;
  ocids: number;
  /** Ocids whose releases were not adjacent enough and needed a second read. */
  reopened: number;
  warnings: number;
  workers: number;
  /** True when the worker threads compiled the ocids of their partitions; false on one thread. */
  partitioned: boolean;
}

/** True when a file is gzip, by its name or its first two bytes. */
function isGzip(file: string): boolean {
  if (file.endsWith(".gz")) return true;
  const fd = openSync(file, "r");
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes a gzip file may be decompressed to in `dir`, or 0 when that does not pay or fit. Its
 * size once decompressed is taken from its last four bytes (RFC 1952: the size modulo 2^32, of
 * the last member), or as twelve times its size when those say less than the file itself; it must
 * be at least `min` (the size from which the threads compile), and the disk must have half as
 * much again free. The room is what the estimate says, and a quarter more.
 */
function roomToDecompress(file: string, dir: string, min: number): number {
  const size = statSync(file).size;
  if (size < 18) return 0;
  const fd = openSync(file, "r");
  let isize = 0;
  try {
    const b = Buffer.alloc(4);
    if (readSync(fd, b, 0, 4, size - 4) === 4) isize = b.readUInt32LE(0);
  } finally {
    closeSync(fd);
  }
  const estimate = isize >= size ? isize : size * 12;
  if (estimate < min) return 0;
  const fs = statfsSync(dir);
  return fs.bavail * fs.bsize >= estimate * 1.5 ? Math.ceil(estimate * 1.25) + (1 << 20) : 0;
}

/**
 * Writes the decompressed bytes of a gzip file (named `name` in an error) to `target`, and true;
 * false, having stopped, once they pass `room` bytes (a file that holds more than it said).
 */
async function decompress(file: string, name: string, target: string, room: number): Promise<boolean> {
  let written = 0;
  let over = false;
  const capped = async function* () {
    for await (const chunk of inputChunks(file, undefined, name)) {
      written += chunk.length;
      if (written > room) {
        over = true;
        return;
      }
      yield chunk;
    }
  };
  await pipeline(Readable.from(capped()), createWriteStream(target));
  return !over;
}

/**
 * Below this much input, one thread is faster than partitions on threads. A thread of the build
 * starts in tens of milliseconds; one running the TypeScript sources compiles them first (about
 * half a second), so from the sources the threads pay only for more input.
 */
const PARTITION_MIN_BYTES = COMPILED ? 8 << 20 : 64 << 20;

export async function compileStream(
  inputs: string[],
  out: Writable,
  opts: CompileStreamOptions = {},
): Promise<CompileStreamResult> {
  // The compile's temporary files (a copy of stdin, the output before reopened ocids' early
  // lines are left out), removed however it ends.
  let work: string | null = null;
  const workDir = () => {
    work ??= mkdtempSync(join(opts.tmpDir ?? tmpdir(), "nous-ocds-"));
    return work;
  };
  try {
    return await compileInputs(inputs, out, opts, workDir);
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

/** Copies stdin to a file, as it is (gzip stays gzip: it is known by its first bytes). */
async function copyStdin(path: string): Promise<void> {
  await pipeline(process.stdin, createWriteStream(path));
}

async function compileInputs(
  inputs: string[],
  out: Writable,
  opts: CompileStreamOptions,
  workDir: () => string,
): Promise<CompileStreamResult> {
  const budget = opts.memoryBudget ?? 64 * 1024 * 1024;
  const read = opts.read ?? NO_READ_OPTIONS;
  const settings: RenderSettings = {
    package: opts.package,
    versioned: opts.versioned,
    linkedReleases: opts.linkedReleases,
    ...(opts.rules ? { rules: opts.rules } : {}),
  };
  let warnings = 0;
  const warn = (i: Issue) => {
    warnings++;
    opts.onWarning?.(i);
  };

  const cores = availableParallelism();
  // Large files of release lines: each thread reads them and compiles the ocids of its partition.
  const threads = opts.workers ?? Math.min(cores, 8);
  const partitions =
    threads >= 2 &&
    // The threads read the files raw: not with --encoding or --root-path.
    !active(read) &&
    // A record package's head says its OCDS version, known only once every group is merged: the
    // threads write the head first, so a package is written on one thread (below).
    !opts.package;
  // Where each input is read from: stdin from a copy of it, made first when the threads might
  // take it (`zcat x.jsonl.gz | nous ocds compile`), else as it is read (below).
  const paths = inputs.slice();
  const min = opts.rangeMinBytes ?? PARTITION_MIN_BYTES;
  if (partitions)
    for (let i = 0; i < inputs.length; i++) {
      if (inputs[i] === "-") {
        paths[i] = join(workDir(), `stdin-${i}`);
        await copyStdin(paths[i]!);
      }
      // Gzip is read in order only: decompressed to a file first, when the disk has room for it,
      // so that the threads can read it by position.
      const room = isGzip(paths[i]!) ? roomToDecompress(paths[i]!, opts.tmpDir ?? tmpdir(), min) : 0;
      if (room > 0) {
        const plain = join(workDir(), `plain-${i}`);
        // More than the room (its last four bytes said less than it holds): left to one thread.
        if (await decompress(paths[i]!, inputs[i]!, plain, room)) paths[i] = plain;
        else rmSync(plain, { force: true });
      }
    }
  let totalBytes = 0;
  for (const f of paths) if (f !== "-") totalBytes += statSync(f).size;
  if (
    partitions &&
    totalBytes >= min &&
    // The threads read the files by position: not through gzip.
    paths.every((f) => !isGzip(f))
  ) {
    const common = {
      budget,
      package: opts.package,
      uri: opts.uri,
      publishedDate: opts.publishedDate,
      onProgress: opts.onProgress,
      onWarning: warn,
    };
    if (paths.every((f) => startsWithReleaseLine(f))) {
      const r = await compilePartitions(paths, inputs, totalBytes, threads, out, { ...common, settings });
      if (r) {
        for (const f of inputs) opts.onVersion?.(bareReleasesMessage(f));
        return { ...r, warnings, partitioned: true };
      }
    } else {
      // Release packages: indexed here, release by release, then compiled by the threads.
      const packages = await indexPackages(paths, inputs, threads, {
        onWarning: warn,
        totalBytes,
        ...(opts.onVersion ? { onVersion: opts.onVersion } : {}),
        ...(opts.onProgress
          ? { onProgress: (done: number, all: number) => opts.onProgress!(done / 2, all) }
          : {}),
      });
      if (packages) {
        const rules =
          packages.extensions.length > 0 && opts.rulesFor
            ? opts.rulesFor(packages.extensions)
            : settings.rules;
        const r = await compilePartitions(paths, inputs, totalBytes, threads, out, {
          ...common,
          settings: { ...settings, version: packages.version, ...(rules ? { rules } : {}) },
          indexes: packages.indexes,
        });
        if (r) return { ...r, warnings, partitioned: true };
      }
    }
  }
  const r = await compileOnOneThread({
    inputs,
    paths,
    out,
    opts,
    workDir,
    budget,
    read,
    settings,
    cores,
    totalBytes,
    warn,
  });
  return { ...r, warnings, partitioned: false };
}
