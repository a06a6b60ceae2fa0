/**
 * One partition of the parallel streaming compile, run in a worker thread
 * (ocds-compile-partition-worker.ts). Each of n workers reads every input file of release lines
 * but keeps only the ocids that hash to its own partition, so no ocid is split between threads
 * and no release passes through the main thread.
 *
 * 1. `scanPartition` reads each line's ocid from its text (parsing only lines where that is not
 *    enough) and indexes the partition's lines (ocds-partition-index.ts): file, offset, length,
 *    line number, ocid number.
 *    Lines of other partitions cost no string (the ocid is hashed from its bytes); of the
 *    partition's own lines it notes which are ASCII. Their nesting depth is checked once they are
 *    parsed, on the parsed value (JSON.parse does not recurse; the walk over the value costs a
 *    quarter of one over the bytes).
 * 2. `compilePartition` (ocds-partition-compile.ts) goes through the index in file order and compiles each ocid at its last
 *    line: its lines are decoded from the read window when they are in it (releases of one ocid
 *    close together, the usual case) and read back by their position when they are not (a
 *    shuffled file), so no release text is held as the files are read and one read of the files
 *    does, whatever the memory budget. Each release is parsed once, then; the output lines are
 *    encoded into the batches it sends.
 */
import { isAscii } from "node:buffer";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import type { MessagePort } from "node:worker_threads";
import type { Issue, JsonObject } from "../ocds/types.ts";
import { isObject } from "../ocds/types.ts";
import { startsWithBom, UTF8_BOM_BYTES } from "./bom.ts";
import { parseJson } from "./ocds-json.ts";
import { findTopLevelOcid, ocidAt, ocidText } from "./ocds-ocid.ts";
import {
  ASCII,
  PARSED,
  type PartitionIndex,
  type PartitionIndexData,
  partitionOf,
  partitionOfBytes,
} from "./ocds-partition-index.ts";
import { isContainer, type RenderSettings } from "./ocds-render.ts";

export interface PartitionJob {
  /** The files read, and their names in messages ("-" for a copy of stdin). */
  files: string[];
  names: string[];
  /** This worker's partition, of `n`. */
  part: number;
  n: number;
  /** Bytes of release text this worker may hold. */
  budget: number;
  settings: RenderSettings;
  /** One counter per worker: batches the main thread has written. */
  acks: SharedArrayBuffer;
  /** The worker's end of the channel the main thread sends written batches' buffers back on. */
  returns?: MessagePort;
  /** The partition's index when the main thread made it (packages): the worker does not scan. */
  index?: PartitionIndexData;
}

export interface PartitionScan {
  type: "scan";
  releases: number;
  warnings: Issue[];
  /** True when a line is not a release (a package, or not JSON): the caller compiles on one thread. */
  fallback: boolean;
}

export interface PartitionDone {
  type: "done";
  /** Ocids with a release read back by its position (their releases were far apart). */
  later: number;
  warnings: Issue[];
}

export type PartitionReply =
  | PartitionScan
  | { type: "batch"; bytes: ArrayBuffer; length: number; count: number }
  | PartitionDone
  | { type: "progress"; bytes: number }
  | { type: "failure"; message: string; location: object; fatal: boolean };

const READ_CHUNK = 4 << 20;

/**
 * Calls onLine with each non-empty line of [start, end): its bytes are buf[from, to), valid only
 * during the call.
 */
export function eachLine(
  job: { file: string; start: number; end: number },
  onLine: (buf: Buffer, from: number, to: number, line: number, offset: number) => boolean | undefined,
  onProgress?: (bytes: number) => void,
): number {
  const fd = openSync(job.file, "r");
  let buf = Buffer.allocUnsafe(READ_CHUNK);
  let have = 0;
  let pos = job.start;
  /** File offset of buf[0]. */
  let base = job.start;
  let line = 0;
  let done = 0;
  try {
    for (;;) {
      const want = Math.min(buf.length - have, job.end - pos);
      const n = want > 0 ? readSync(fd, buf, have, want, pos) : 0;
      pos += n;
      have += n;
      const last = n === 0;
      let from = 0;
      for (;;) {
        let nl = buf.indexOf(10, from);
        if (nl < 0 || nl >= have) {
          if (!last || from >= have) break;
          nl = have;
        }
        let end = nl;
        if (end > from && buf[end - 1] === 13) end--;
        // A byte order mark before the file's first line is not part of it.
        if (base + from === 0 && startsWithBom(buf, from, end)) from += UTF8_BOM_BYTES;
        line++;
        if (end > from && !blank(buf, from, end)) {
          if (onLine(buf, from, end, line, base + from) === false) return line;
        }
        from = nl + 1;
      }
      if (last) break;
      done += from;
      onProgress?.(done);
      // Keep the partial line; grow the buffer when one line is longer than it.
      if (from === 0 && have === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      } else {
        buf.copy(buf, 0, from, have);
        have -= from;
        base += from;
      }
    }
  } finally {
    closeSync(fd);
  }
  return line;
}

function blank(buf: Buffer, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = buf[i]!;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Step 1: indexes the partition's lines of every file. Warnings are reported by partition 0 only. */
export function scanPartition(
  job: PartitionJob,
  index: PartitionIndex,
  onProgress?: (bytes: number) => void,
): PartitionScan {
  const warnings: Issue[] = [];
  let releases = 0;
  let fallback = false;
  let before = 0;
  job.files.forEach((path, f) => {
    if (fallback) return;
    const size = statSync(path).size;
    /** The file's name in messages. */
    const file = job.names[f]!;
    eachLine(
      { file: path, start: 0, end: size },
      (buf, from, to, line, offset) => {
        // The ocid from the text where it can be read there; the partition from its bytes, so
        // the lines of other partitions cost no string.
        const end = findTopLevelOcid(buf, from, to);
        let ocid: string;
        let flags = 0;
        if (end >= 0) {
          if (ocidAt.plain) {
            if (partitionOfBytes(buf, ocidAt.start, end, job.n) !== job.part) return true;
          } else if (partitionOf(ocidText(buf, end), job.n) !== job.part) return true;
          // Whether the line is ASCII (then decoded byte for byte); its depth is checked once it
          // is parsed, on the parsed value (cheaper than on its bytes).
          if (isAscii(buf.subarray(from, to))) flags = ASCII;
          ocid = ocidText(buf, end);
        } else {
          let value: unknown;
          try {
            value = parseJson(buf.toString("utf8", from, to), file, line);
          } catch {
            // Not one JSON value a line: one thread reads it (and names what is wrong).
            fallback = true;
            return false;
          }
          if (!isObject(value) || isContainer(value as JsonObject)) {
            fallback = true;
            return false;
          }
          flags = PARSED;
          if (typeof value.ocid !== "string") {
            if (job.part === 0)
              warnings.push({
                severity: "warning",
                code: "missing-ocid",
                path: "$.ocid",
                file,
                line,
                message: `release ${String(value.id)} has no ocid and is skipped`,
              });
            return true;
          }
          ocid = value.ocid;
          if (partitionOf(ocid, job.n) !== job.part) return true;
        }
        releases++;
        index.push(ocid, f, offset, to - from, line, flags);
        return true;
      },
      (bytes) => onProgress?.((before + bytes) / 4),
    );
    before += size;
  });
  return { type: "scan", releases, warnings, fallback };
}
