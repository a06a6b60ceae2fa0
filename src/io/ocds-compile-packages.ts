/**
 * Release packages for the partitioned compile. This thread reads each file's packages release by
 * release (src/io/ocds-read.ts streams every package's array), and notes each release's ocid,
 * position, length and line in the index of its ocid's partition; the workers then read the
 * releases by their positions, as they read release lines, without reading the packages
 * themselves. The packages' version decides the merge rules, as on one thread, and packages of
 * different versions are refused.
 *
 * Anything but release packages (a record package, bare releases, JSON Lines) gives null: the
 * caller compiles on one thread, which reads every form.
 */
import { isAscii } from "node:buffer";
import { type Issue, isObject } from "../ocds/types.ts";
import {
  detectVersion,
  mixedVersionsMessage,
  type OcdsVersion,
  type SourcedVerdict,
} from "../ocds/version.ts";
import { InputError } from "../shared/errors.ts";
import {
  ASCII,
  PARSED,
  PartitionIndex,
  type PartitionIndexData,
  partitionOf,
} from "./ocds-partition-index.ts";
import { parseJson } from "./ocds-json.ts";
import { topLevelOcid } from "./ocds-ocid.ts";
import { readUnits } from "./ocds-read.ts";

export interface PackageIndexes {
  /** One index per partition. */
  indexes: PartitionIndexData[];
  releases: number;
  version: OcdsVersion;
  /** The extensions the packages declare, in the order first declared. */
  extensions: string[];
}

export interface IndexPackagesOptions {
  onWarning: (issue: Issue) => void;
  /** Told which OCDS version was assumed, and why (once, for the first package). */
  onVersion?: (message: string) => void;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  totalBytes: number;
}

/** Indexes the releases of the release packages in `files` (named `names` in messages) for n partitions. */
export async function indexPackages(
  files: string[],
  names: string[],
  n: number,
  opts: IndexPackagesOptions,
): Promise<PackageIndexes | null> {
  const parts = Array.from({ length: n }, () => new PartitionIndex());
  const extensions: string[] = [];
  let first: SourcedVerdict | null = null;
  let releases = 0;
  let before = 0;
  for (const [f, path] of files.entries()) {
    const name = names[f]!;
    let end = 0;
    // Every package streamed, however small, so that each release comes with its position.
    for await (const units of readUnits(path, { name, streamFrom: 0 })) {
      for (const u of units) {
        end = u.end;
        if (u.meta) {
          if (!Array.isArray(u.meta.releases)) return null;
          const verdict = detectVersion(u.meta, "release-package");
          const here = { file: name, verdict };
          if (first === null) {
            first = here;
            opts.onVersion?.(`${name}:${u.line}: OCDS ${verdict.version} assumed: ${verdict.reason}`);
          } else if (first.verdict.version !== verdict.version) {
            throw new InputError(mixedVersionsMessage(first, here), {
              location: { file: name, line: u.line },
            });
          }
          const ext = u.meta.extensions;
          if (Array.isArray(ext))
            for (const e of ext) if (typeof e === "string" && !extensions.includes(e)) extensions.push(e);
          continue;
        }
        if (u.item !== "releases" || !u.buf) return null;
        const buf = u.buf;
        let ocid = topLevelOcid(buf);
        let flags = isAscii(buf) ? ASCII : 0;
        if (ocid === null) {
          // The ocid is not where the text shows it: the release is parsed for it (and parsed
          // again, with its depth checked on its text, when its ocid is compiled).
          const value = parseJson(buf.toString(), name, u.line);
          // Not a release: one thread says what it makes of it.
          if (!isObject(value)) return null;
          if (typeof value.ocid !== "string") {
            opts.onWarning({
              severity: "warning",
              code: "missing-ocid",
              path: "$.ocid",
              file: name,
              line: u.line,
              message: `release ${String(value.id)} has no ocid and is skipped`,
            });
            continue;
          }
          ocid = value.ocid;
          flags |= PARSED;
        }
        releases++;
        parts[partitionOf(ocid, n)]!.push(ocid, f, u.end - buf.length, buf.length, u.line, flags);
      }
      opts.onProgress?.(before + end, opts.totalBytes);
    }
    before += end;
  }
  if (first === null) return null;
  return { indexes: parts.map((p) => p.data()), releases, version: first.verdict.version, extensions };
}
