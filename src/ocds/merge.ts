/**
 * The OCDS merge routine (standard, docs/schema/merging.md): merges the releases of one
 * contracting process into a compiled release (latest value of each field) or a versioned
 * release (every value of each field, with the release it came from).
 *
 * - Releases are sorted by `date` (stable: releases with equal dates keep their input order).
 * - Fields with omitWhenMerged in the schema (`id`, `date`, `tag`) are discarded; in a versioned
 *   release their values become each versioned value's releaseID, releaseDate and releaseTag.
 * - `null` removes a field from a compiled release; in a versioned release it is a value.
 * - Arrays holding anything other than objects, and arrays the schema marks as whole-list, are
 *   literal values. Other arrays of objects are merged by `id`; an object with no `id` is
 *   appended. An empty array or object in a release changes nothing.
 * - Warnings: the same `id` twice in one array of one release (the last object is kept), a
 *   field whose kind (object, array, literal) differs between releases (the later one wins),
 *   ids equal only after number/string conversion (kept apart, as the rules compare values),
 *   a release with no `date`.
 */
import { type MergeNode, releaseRules, type SchemaRules } from "./schema.ts";
import { type Issue, isObject, type Json, type JsonObject, pathKey } from "./types.ts";

export interface MergeOptions {
  rules?: SchemaRules;
  /**
   * Let the compiled release take parts of the input releases as they are instead of copying
   * them, which changes the inputs. Faster; only for inputs that are not used afterwards.
   */
  consume?: boolean;
}

interface Ctx {
  /** Per-merge index of identifier-merged arrays (id -> object), and the versioned-value lists. */
  indexes: Map<Json[], Map<string, JsonObject>>;
  versionedLists: Set<Json[]>;
  warnings: Issue[];
  segs: (string | number)[];
  releaseId: string;
  nulled: boolean;
  consume: boolean;
}

function currentPath(ctx: Ctx, key?: string): string {
  let p = "$";
  for (const s of ctx.segs) p = typeof s === "number" ? `${p}[${s}]` : pathKey(p, s);
  return key === undefined ? p : pathKey(p, key);
}

function warn(ctx: Ctx, code: string, message: string, key?: string): void {
  ctx.warnings.push({
    severity: "warning",
    code,
    message: `release ${ctx.releaseId}: ${message}`,
    path: currentPath(ctx, key),
  });
}

function kind(v: Json | undefined): string {
  if (v === undefined) return "absent";
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v === "object" ? "object" : "literal";
}

/** True when the array is merged as a single value. */
function isLiteralArray(arr: Json[], node: MergeNode | undefined): boolean {
  if (node?.wholeList) return true;
  for (const x of arr) if (!isObject(x)) return true;
  return false;
}

function idKey(id: Json | undefined): string | null {
  if (id === undefined || id === null) return null;
  if (typeof id === "string") return `s${id}`;
  if (typeof id === "number") return `n${id}`;
  return `j${JSON.stringify(id)}`;
}

function altIdKey(id: Json | undefined): string | null {
  if (typeof id === "string" && id !== "" && String(Number(id)) === id) return `n${id}`;
  if (typeof id === "number") return `s${id}`;
  return null;
}

function indexOf(arr: Json[], ctx: Ctx): Map<string, JsonObject> {
  let m = ctx.indexes.get(arr);
  if (!m) {
    m = new Map();
    for (const x of arr) {
      if (isObject(x)) {
        const k = idKey(x.id);
        if (k !== null) m.set(k, x);
      }
    }
    ctx.indexes.set(arr, m);
  }
  return m;
}

/** Keeps the last of several objects sharing an id in one array of one release, with a warning. */
function dedupe(arr: JsonObject[], ctx: Ctx): JsonObject[] {
  if (arr.length < 2) return arr;
  const last = new Map<string, number>();
  let dup = false;
  for (let i = 0; i < arr.length; i++) {
    const k = idKey(arr[i]!.id);
    if (k === null) continue;
    if (last.has(k)) dup = true;
    last.set(k, i);
  }
  if (!dup) return arr;
  const out: JsonObject[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < arr.length; i++) {
    const k = idKey(arr[i]!.id);
    if (k === null) {
      out.push(arr[i]!);
    } else if (!seen.has(k)) {
      seen.add(k);
      if (last.get(k) !== i) {
        warn(
          ctx,
          "duplicate-id",
          `more than one object has id ${JSON.stringify(arr[i]!.id)}; the last one is kept`,
        );
      }
      out.push(arr[last.get(k)!]!);
    }
  }
  return out;
}

/**
 * True when an object from a release can go into a compiled release as it is, because merging
 * it into nothing would give an equal copy: no nulls, no empty objects or identifier-merged
 * arrays, no duplicate ids.
 */
function clean(o: JsonObject, node: MergeNode | undefined): boolean {
  const children = node?.children;
  for (const key in o) {
    const x = o[key]!;
    if (x === null) return false;
    if (typeof x !== "object") continue;
    const child = children?.get(key);
    if (Array.isArray(x)) {
      if (isLiteralArray(x, child)) continue;
      if (!cleanArray(x as JsonObject[], child)) return false;
    } else {
      let empty = true;
      for (const _ in x) {
        empty = false;
        break;
      }
      if (empty || !clean(x, child)) return false;
    }
  }
  return true;
}

/** The same for an identifier-merged array (all items are objects). */
function cleanArray(arr: JsonObject[], node: MergeNode | undefined): boolean {
  if (arr.length === 0) return false;
  let seen: Set<string> | null = null;
  for (const item of arr) {
    if (!clean(item, node)) return false;
    if (arr.length > 1) {
      const k = idKey(item.id);
      if (k !== null) {
        seen ??= new Set();
        if (seen.has(k)) return false;
        seen.add(k);
      }
    }
  }
  return true;
}

function mergeCompiled(
  out: JsonObject,
  inp: JsonObject,
  node: MergeNode | undefined,
  ctx: Ctx,
  top: boolean,
): void {
  const children = node?.children;
  for (const key in inp) {
    const v = inp[key]!;
    const child = children?.get(key);
    if (top && child?.omit) continue;
    if (v === null) {
      if (key in out) {
        delete out[key];
        ctx.nulled = true;
      }
      continue;
    }
    const existing = out[key];
    if (Array.isArray(v)) {
      if (isLiteralArray(v, child)) {
        if (existing !== undefined && !Array.isArray(existing)) {
          warn(ctx, "type-conflict", `was ${kind(existing)} in an earlier release, now an array`, key);
        }
        out[key] = v;
        continue;
      }
      if (v.length === 0) continue;
      if (existing === undefined && ctx.consume && cleanArray(v as JsonObject[], child)) {
        out[key] = v;
        continue;
      }
      let target: Json[];
      if (Array.isArray(existing) && !isLiteralArray(existing, child)) {
        target = existing;
      } else {
        if (existing !== undefined) {
          warn(
            ctx,
            "type-conflict",
            `was ${kind(existing)} in an earlier release, now an array of objects`,
            key,
          );
        }
        target = [];
        out[key] = target;
      }
      const index = indexOf(target, ctx);
      ctx.segs.push(key);
      const items = dedupe(v as JsonObject[], ctx);
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        const k = idKey(item.id);
        let obj = k === null ? undefined : index.get(k);
        ctx.segs.push(i);
        if (obj === undefined && k !== null) {
          const alt = altIdKey(item.id);
          if (alt !== null && index.has(alt)) {
            warn(
              ctx,
              "id-type",
              `id ${JSON.stringify(item.id)} differs only in type from an earlier id; kept apart`,
            );
          }
        }
        if (obj === undefined) {
          if (ctx.consume && clean(item, child)) obj = item;
          else {
            obj = {};
            mergeCompiled(obj, item, child, ctx, false);
          }
          target.push(obj);
          if (k !== null) index.set(k, obj);
        } else {
          mergeCompiled(obj, item, child, ctx, false);
        }
        ctx.segs.pop();
      }
      ctx.segs.pop();
    } else if (typeof v === "object") {
      if (existing === undefined && ctx.consume && clean(v, child)) {
        let empty = true;
        for (const _ in v) {
          empty = false;
          break;
        }
        if (!empty) out[key] = v;
        continue;
      }
      let target: JsonObject;
      if (isObject(existing)) {
        target = existing;
      } else {
        if (existing !== undefined) {
          warn(ctx, "type-conflict", `was ${kind(existing)} in an earlier release, now an object`, key);
          delete out[key];
        }
        target = {};
      }
      ctx.segs.push(key);
      mergeCompiled(target, v, child, ctx, false);
      ctx.segs.pop();
      if (target !== existing && Object.keys(target).length > 0) out[key] = target;
    } else {
      if (existing !== undefined && typeof existing === "object" && existing !== null) {
        warn(ctx, "type-conflict", `was ${kind(existing)} in an earlier release, now a literal`, key);
      }
      out[key] = v;
    }
  }
}

/** Removes objects left empty after `null` removed all their fields (the rules keep no empty objects). */
function prune(obj: JsonObject, node: MergeNode | undefined): void {
  for (const key of Object.keys(obj)) {
    const v = obj[key]!;
    const child = node?.children?.get(key);
    if (Array.isArray(v)) {
      if (isLiteralArray(v, child)) continue;
      for (const x of v) if (isObject(x)) prune(x, child);
    } else if (isObject(v)) {
      prune(v, child);
      if (Object.keys(v).length === 0) delete obj[key];
    }
  }
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i]!, b[i]!)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!(k in b) || !deepEqual(a[k]!, b[k]!)) return false;
  return true;
}

interface Meta {
  releaseID: Json;
  releaseDate: Json;
  releaseTag: Json;
}

function mergeVersioned(
  out: JsonObject,
  inp: JsonObject,
  node: MergeNode | undefined,
  meta: Meta,
  ctx: Ctx,
  top: boolean,
  skipId: boolean,
): void {
  const children = node?.children;
  for (const key in inp) {
    const v = inp[key]!;
    const child = children?.get(key);
    if (top && child?.omit) continue;
    if (top && key === "ocid") {
      out.ocid = v;
      continue;
    }
    if (skipId && key === "id") continue;
    const existing = out[key];
    if (isObject(v)) {
      let target: JsonObject;
      if (isObject(existing)) {
        target = existing;
      } else {
        if (existing !== undefined) {
          warn(ctx, "type-conflict", "was a literal or array in an earlier release, now an object", key);
          delete out[key];
        }
        target = {};
      }
      ctx.segs.push(key);
      mergeVersioned(target, v, child, meta, ctx, false, false);
      ctx.segs.pop();
      if (target !== existing && Object.keys(target).length > 0) out[key] = target;
      continue;
    }
    if (Array.isArray(v) && !isLiteralArray(v, child)) {
      if (v.length === 0) continue;
      let target: Json[];
      if (Array.isArray(existing) && !ctx.versionedLists.has(existing)) {
        target = existing;
      } else {
        if (existing !== undefined) {
          warn(
            ctx,
            "type-conflict",
            `was ${isObject(existing) ? "an object" : "a literal"} in an earlier release, now an array of objects`,
            key,
          );
        }
        target = [];
        out[key] = target;
      }
      const index = indexOf(target, ctx);
      ctx.segs.push(key);
      const items = dedupe(v as JsonObject[], ctx);
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        const k = idKey(item.id);
        let obj = k === null ? undefined : index.get(k);
        ctx.segs.push(i);
        if (obj === undefined) {
          obj = {};
          if ("id" in item) obj.id = item.id!;
          mergeVersioned(obj, item, child, meta, ctx, false, true);
          target.push(obj);
          if (k !== null) index.set(k, obj);
        } else {
          mergeVersioned(obj, item, child, meta, ctx, false, true);
        }
        ctx.segs.pop();
      }
      ctx.segs.pop();
      continue;
    }
    // A literal: a string, number, boolean, null or a whole-list array.
    let list: Json[];
    if (Array.isArray(existing) && ctx.versionedLists.has(existing)) {
      list = existing;
    } else {
      if (existing !== undefined) {
        warn(
          ctx,
          "type-conflict",
          `was ${isObject(existing) ? "an object" : "an array of objects"} in an earlier release, now a literal`,
          key,
        );
      }
      list = [];
      ctx.versionedLists.add(list);
      out[key] = list;
    }
    const last = list[list.length - 1] as JsonObject | undefined;
    if (last === undefined || !deepEqual(last.value!, v)) {
      list.push({
        releaseID: meta.releaseID,
        releaseDate: meta.releaseDate,
        releaseTag: meta.releaseTag,
        value: v,
      });
    }
  }
}

/** Releases in date order (stable); a release with no date sorts first, with a warning. */
export function sortReleases(releases: JsonObject[], warnings: Issue[] = []): JsonObject[] {
  const withIndex = releases.map((r, i) => ({ r, i, d: typeof r.date === "string" ? r.date : "" }));
  for (const x of withIndex) {
    if (x.d === "") {
      warnings.push({
        severity: "warning",
        code: "missing-date",
        message: `release ${String(x.r.id)} has no date; it is merged first`,
        path: "$.date",
      });
    }
  }
  withIndex.sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.i - b.i));
  return withIndex.map((x) => x.r);
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
    releaseId: "",
    nulled: false,
    consume: false,
  };
}

/** The compiled release of releases that share an ocid. Input releases are not modified. */
export function compileRelease(
  releases: JsonObject[],
  opts: MergeOptions = {},
  warnings: Issue[] = [],
): JsonObject {
  const rules = opts.rules ?? releaseRules();
  const sorted = sortReleases(releases, warnings);
  const lastRelease = sorted[sorted.length - 1];
  const ocid = sorted.find((r) => r.ocid !== undefined)?.ocid ?? null;
  const date = lastRelease && typeof lastRelease.date === "string" ? lastRelease.date : null;
  const out: JsonObject = { tag: ["compiled"], id: `${ocid}-${date}` };
  if (date !== null) out.date = date;
  if (ocid !== null) out.ocid = ocid;
  const ctx = ctxFor(warnings);
  ctx.consume = opts.consume === true;
  for (const r of sorted) {
    ctx.releaseId = String(r.id);
    mergeCompiled(out, r, rules.merge, ctx, true);
  }
  if (ctx.nulled) prune(out, rules.merge);
  return out;
}

/** The versioned release of releases that share an ocid. */
export function versionRelease(
  releases: JsonObject[],
  opts: MergeOptions = {},
  warnings: Issue[] = [],
): JsonObject {
  const rules = opts.rules ?? releaseRules();
  const sorted = sortReleases(releases, []);
  const ocid = sorted.find((r) => r.ocid !== undefined)?.ocid;
  const out: JsonObject = ocid === undefined ? {} : { ocid };
  const ctx = ctxFor(warnings);
  for (const r of sorted) {
    ctx.releaseId = String(r.id);
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
