/**
 * The OCDS merge routine (standard, docs/schema/merging.md, OCDS 1.1): merges the releases of one
 * contracting process into a compiled release (latest value of each field) or a versioned
 * release (every value of each field, with the release it came from).
 *
 * - Releases are sorted by `date` (stable: releases with equal dates keep their input order).
 * - Fields with omitWhenMerged in the schema (`id`, `date`, `tag`, and any an extension marks,
 *   at any depth) are discarded; in a versioned release the release's `id`, `date` and `tag`
 *   become each versioned value's releaseID, releaseDate and releaseTag.
 * - The compiled release starts with `tag: ["compiled"]`, `id: "{ocid}-{date}"`, the latest
 *   release's `date` and the `ocid` (a missing ocid or date reads `None` in the id, as in the
 *   reference routine).
 * - `null` removes a field from a compiled release (an object whose fields were all removed
 *   stays, as `{}`); in a versioned release it is a value, except in place of an object or an
 *   array of objects, whose versioned fields stay (with a warning).
 * - Arrays holding anything other than objects, and arrays the schema marks as whole-list, are
 *   literal values (an empty one too). Other arrays of objects are merged by `id` (a JSON value:
 *   `1` and `"1"` differ); an object with no `id` is appended. An empty identifier-merged array
 *   or empty object in a release changes nothing, and neither does an object with no values.
 * - Objects sharing an `id` in one array of one release are merged in order (later fields win),
 *   with a warning; the versioned release records one value per field for that release.
 * - Warnings: such duplicate ids, a field whose kind (object, array, literal) differs between
 *   releases (the later one wins), ids equal only after number/string conversion (kept apart),
 *   a release with no `date`.
 */
import { dropRemoved, mergeCompiled } from "./merge-compiled.ts";
import type { Ctx } from "./merge-context.ts";
import { fieldOf, mergeOrder, sortReleases } from "./merge-order.ts";
import { type Meta, mergeVersioned } from "./merge-versioned.ts";
import { releaseRules, type SchemaRules } from "./schema.ts";
import type { Issue, Json, JsonObject } from "./types.ts";
import type { OcdsVersion } from "./version.ts";

export { fieldOf, sortReleases } from "./merge-order.ts";

export interface MergeOptions {
  /** Merge rules (e.g. from an extended schema); without them, the rules of `version`'s release schema. */
  rules?: SchemaRules;
  /** The OCDS version the releases follow (see version.ts); default "1.1". */
  version?: OcdsVersion;
  /**
   * Let the compiled release take parts of the input releases as they are instead of copying
   * them, which changes the inputs. Faster; only for inputs that are not used afterwards.
   */
  consume?: boolean;
}

export interface CompileResult {
  compiledRelease: JsonObject;
  versionedRelease?: JsonObject;
  warnings: Issue[];
}

function ctxFor(warnings: Issue[]): Ctx {
  return {
    indexes: new Map(),
    versionedLists: new Set(),
    warnings,
    segs: [],
    releaseId: undefined,
    consume: false,
    removed: false,
  };
}

/** The compiled release of releases that share an ocid. Input releases are not modified. */
export function compileRelease(
  releases: JsonObject[],
  opts: MergeOptions = {},
  warnings: Issue[] = [],
): JsonObject {
  const rules = opts.rules ?? releaseRules(opts.version);
  const sorted = mergeOrder(releases, warnings);
  const lastRelease = sorted[sorted.length - 1];
  let ocid: Json | null = null;
  for (const r of sorted) {
    const o = fieldOf(r, "ocid");
    if (o !== undefined) {
      ocid = o;
      break;
    }
  }
  const lastDate = lastRelease === undefined ? undefined : fieldOf(lastRelease, "date");
  const date = typeof lastDate === "string" ? lastDate : null;
  // The reference routine writes a missing ocid or date as None in the id.
  const out: JsonObject = { tag: ["compiled"], id: `${ocid ?? "None"}-${date ?? "None"}` };
  if (date !== null) out.date = date;
  if (ocid !== null) out.ocid = ocid;
  const ctx = ctxFor(warnings);
  ctx.consume = opts.consume === true;
  for (const r of sorted) {
    ctx.releaseId = fieldOf(r, "id");
    mergeCompiled(out, r, rules.merge, ctx);
  }
  if (ctx.removed) dropRemoved(out);
  return out;
}

/** The versioned release of releases that share an ocid. */
export function versionRelease(
  releases: JsonObject[],
  opts: MergeOptions = {},
  warnings: Issue[] = [],
): JsonObject {
  const rules = opts.rules ?? releaseRules(opts.version);
  const sorted = sortReleases(releases, []);
  const ocid = sorted.find((r) => r.ocid !== undefined)?.ocid;
  const out: JsonObject = ocid === undefined ? {} : { ocid };
  const ctx = ctxFor(warnings);
  for (const r of sorted) {
    ctx.releaseId = r.id;
    const meta: Meta = { releaseID: r.id ?? null, releaseDate: r.date ?? null, releaseTag: r.tag ?? null };
    mergeVersioned(out, r, rules.merge, meta, ctx, true, false);
  }
  return out;
}

/** Both, as a record needs them. */
export function compile(
  releases: JsonObject[],
  opts: MergeOptions & { versioned?: boolean } = {},
): CompileResult {
  const warnings: Issue[] = [];
  const compiledRelease = compileRelease(releases, opts, warnings);
  const result: CompileResult = { compiledRelease, warnings };
  if (opts.versioned) result.versionedRelease = versionRelease(releases, opts, []);
  return result;
}
