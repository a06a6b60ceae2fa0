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
import { type MergeNode, releaseRules, type SchemaRules } from "./schema.ts";
import { type Issue, isObject, type Json, type JsonObject, pathKey } from "./types.ts";
import type { OcdsVersion } from "./version.ts";

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

/**
 * Marks a field that `null` removed from the compiled release. The field keeps its place (as in
 * the reference routine, a field comes back where it was first seen) and is dropped at the end.
 */
const REMOVED: JsonObject = Object.freeze({}) as JsonObject;

interface Ctx {
  /**
   * Per-merge index of identifier-merged arrays (id -> object), built only for arrays longer
   * than SCAN_LIMIT (shorter ones are searched in place), and the versioned-value lists.
   */
  indexes: Map<Json[], Map<string, JsonObject>> | null;
  versionedLists: Set<Json[]>;
  warnings: Issue[];
  segs: (string | number)[];
  /** The id of the release being merged, named in warnings. */
  releaseId: Json | undefined;
  consume: boolean;
  /** True once a REMOVED mark was written. */
  removed: boolean;
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
    message: `release ${String(ctx.releaseId)}: ${message}`,
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

/** The identity of an object in an identifier-merged array; null when it has no `id` (appended). */
function idKey(id: Json | undefined): string | null {
  if (id === undefined) return null;
  if (typeof id === "string") return `s${id}`;
  if (typeof id === "number") return `n${id}`;
  // null ids are equal to each other, as the rules compare `id` values.
  if (id === null) return "z";
  return `j${JSON.stringify(id)}`;
}

function altIdKey(id: Json | undefined): string | null {
  if (typeof id === "string" && id !== "" && String(Number(id)) === id) return `n${id}`;
  if (typeof id === "number") return `s${id}`;
  return null;
}

function indexOf(arr: Json[], ctx: Ctx): Map<string, JsonObject> {
  ctx.indexes ??= new Map();
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

/** Arrays up to this length are searched item by item: cheaper than building an index. */
const SCAN_LIMIT = 8;

/** Equal ids as idKey compares them: same JSON type and value (objects by their JSON text). */
function sameId(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return a !== undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The object with this id in an identifier-merged array of the compiled release. */
function findById(target: Json[], id: Json, ctx: Ctx): JsonObject | undefined {
  const index = ctx.indexes?.get(target);
  if (index === undefined && target.length <= SCAN_LIMIT) {
    for (const x of target) if (isObject(x) && "id" in x && sameId(x.id, id)) return x;
    return undefined;
  }
  return (index ?? indexOf(target, ctx)).get(idKey(id)!);
}

/** True when the array holds an id equal to this one only after number/string conversion. */
function hasAltId(target: Json[], id: Json, ctx: Ctx): boolean {
  const alt = altIdKey(id);
  if (alt === null) return false;
  const index = ctx.indexes?.get(target);
  if (index === undefined && target.length <= SCAN_LIMIT) {
    for (const x of target) if (isObject(x) && idKey(x.id) === alt) return true;
    return false;
  }
  return (index ?? indexOf(target, ctx)).has(alt);
}

/** Adds a new object to an identifier-merged array of the compiled release (and its index). */
function pushById(target: Json[], obj: JsonObject, id: Json | undefined, ctx: Ctx): void {
  if (id === undefined) {
    target.push(obj);
    return;
  }
  // An object that does not keep its id (a null id is not written) can only be found by index.
  let index = ctx.indexes?.get(target);
  if (index === undefined && !("id" in obj)) index = indexOf(target, ctx);
  target.push(obj);
  if (index !== undefined) index.set(idKey(id)!, obj);
}

function isEmptyObject(o: JsonObject): boolean {
  for (const _ in o) return false;
  return true;
}

/** Nodes with a child marked omitWhenMerged (none below the top in OCDS 1.1.5; extensions may add some). */
const omitsCache = new WeakMap<MergeNode, boolean>();
function omitsChild(node: MergeNode): boolean {
  let v = omitsCache.get(node);
  if (v === undefined) {
    v = false;
    if (node.children) for (const c of node.children.values()) if (c.omit) v = true;
    omitsCache.set(node, v);
  }
  return v;
}

/**
 * True when an object from a release can go into a compiled release as it is, because merging
 * it into nothing would give an equal copy: no nulls, no omitted fields, no empty objects or
 * identifier-merged arrays, no objects without values in them, no duplicate ids.
 */
function clean(o: JsonObject, node: MergeNode | undefined): boolean {
  if (node !== undefined && (node.omitsChild ?? omitsChild(node))) return false;
  const children = node?.children;
  for (const key in o) {
    const x = o[key]!;
    if (x === null) return false;
    if (typeof x !== "object") continue;
    const child = children?.get(key);
    if (Array.isArray(x)) {
      if (isLiteralArray(x, child)) continue;
      if (!cleanArray(x as JsonObject[], child)) return false;
    } else if (isEmptyObject(x) || !clean(x, child)) return false;
  }
  return true;
}

/** The same for an identifier-merged array (all items are objects). */
function cleanArray(arr: JsonObject[], node: MergeNode | undefined): boolean {
  if (arr.length === 0) return false;
  let seen: Set<string> | null = null;
  for (const item of arr) {
    if (!cleanItem(item, node)) return false;
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

/** One object of an identifier-merged array, as cleanArray judges it. */
function cleanItem(item: JsonObject, node: MergeNode | undefined): boolean {
  // A new object in an identifier-merged array starts with its id, as in the reference routine.
  let first: string | undefined;
  for (const k in item) {
    first = k;
    break;
  }
  return first !== undefined && (first === "id" || !("id" in item)) && clean(item, node);
}

/**
 * Merges one release's object into the compiled object. Returns true when the input held a
 * value (a literal, null or a whole list) at any depth: an object or array is only added to the
 * compiled release for such input.
 */
function mergeCompiled(out: JsonObject, inp: JsonObject, node: MergeNode | undefined, ctx: Ctx): boolean {
  const children = node?.children;
  let touched = false;
  for (const key in inp) {
    const v = inp[key]!;
    const child = children?.get(key);
    if (child?.omit) continue;
    if (v === null) {
      touched = true;
      out[key] = REMOVED;
      ctx.removed = true;
      continue;
    }
    let existing: Json | undefined = out[key];
    if (existing === REMOVED) existing = undefined;
    if (Array.isArray(v)) {
      if (isLiteralArray(v, child)) {
        if (existing !== undefined && !Array.isArray(existing)) {
          warn(ctx, "type-conflict", `was ${kind(existing)} in an earlier release, now an array`, key);
        }
        out[key] = v;
        touched = true;
        continue;
      }
      if (v.length === 0) continue;
      if (existing === undefined && ctx.consume && cleanArray(v as JsonObject[], child)) {
        out[key] = v;
        touched = true;
        continue;
      }
      let target: Json[];
      let attached = true;
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
        attached = false;
      }
      ctx.segs.push(key);
      // Ids seen in this array of this release, to warn about duplicates (only with 2+ objects).
      const seen: Set<string> | null = v.length > SCAN_LIMIT ? new Set() : null;
      for (let i = 0; i < v.length; i++) {
        const item = v[i] as JsonObject;
        const id = item.id;
        ctx.segs.push(i);
        if (v.length > 1 && id !== undefined) {
          let dup = false;
          if (seen !== null) {
            const k = idKey(id)!;
            if (seen.has(k)) dup = true;
            else seen.add(k);
          } else {
            for (let j = 0; j < i && !dup; j++) dup = sameId((v[j] as JsonObject).id, id);
          }
          if (dup) {
            warn(
              ctx,
              "duplicate-id",
              `another object in this array has id ${JSON.stringify(id)}; merged into it`,
            );
          }
        }
        let obj = id === undefined ? undefined : findById(target, id, ctx);
        if (obj === undefined) {
          if (id !== undefined && hasAltId(target, id, ctx)) {
            warn(
              ctx,
              "id-type",
              `id ${JSON.stringify(id)} differs only in type from an earlier id; kept apart`,
            );
          }
          if (ctx.consume && cleanItem(item, child)) obj = item;
          else {
            obj = {};
            if ("id" in item) obj.id = null;
            if (!mergeCompiled(obj, item, child, ctx)) obj = undefined;
            // A null id is no id; an id left null was omitted by the schema.
            else if (obj.id === REMOVED || obj.id === null) delete obj.id;
          }
          if (obj !== undefined) {
            pushById(target, obj, id, ctx);
            touched = true;
          }
        } else if (mergeCompiled(obj, item, child, ctx)) touched = true;
        ctx.segs.pop();
      }
      ctx.segs.pop();
      if (!attached && target.length > 0) out[key] = target;
    } else if (typeof v === "object") {
      if (existing === undefined && ctx.consume && clean(v, child)) {
        if (!isEmptyObject(v)) {
          out[key] = v;
          touched = true;
        }
        continue;
      }
      let target: JsonObject;
      if (isObject(existing)) {
        target = existing;
      } else {
        if (existing !== undefined) {
          warn(ctx, "type-conflict", `was ${kind(existing)} in an earlier release, now an object`, key);
        }
        target = {};
      }
      ctx.segs.push(key);
      const wrote = mergeCompiled(target, v, child, ctx);
      ctx.segs.pop();
      if (wrote) {
        touched = true;
        if (target !== existing) out[key] = target;
      }
    } else {
      if (existing !== undefined && typeof existing === "object" && existing !== null) {
        warn(ctx, "type-conflict", `was ${kind(existing)} in an earlier release, now a literal`, key);
      }
      out[key] = v;
      touched = true;
    }
  }
  return touched;
}

/** Drops the fields marked REMOVED, once all releases are merged. */
function dropRemoved(o: JsonObject): void {
  for (const key in o) {
    const v = o[key]!;
    if (v === REMOVED) delete o[key];
    else if (Array.isArray(v)) {
      for (const x of v) if (isObject(x)) dropRemoved(x);
    } else if (isObject(v)) dropRemoved(v);
  }
}

/**
 * Objects sharing an id in one array of one release, merged into one object each (at the first
 * one's place): later fields win, nested objects and identifier-merged arrays are merged the
 * same way, null is kept as a value. This is what one release says about that object.
 */
function combineDuplicates(items: JsonObject[], node: MergeNode | undefined): JsonObject[] {
  const out: JsonObject[] = [];
  const at = new Map<string, number>();
  for (const item of items) {
    const k = idKey(item.id);
    const i = k === null ? undefined : at.get(k);
    if (i === undefined) {
      if (k !== null) at.set(k, out.length);
      out.push(item);
    } else out[i] = overlay(out[i]!, item, node);
  }
  return out;
}

function overlay(a: JsonObject, b: JsonObject, node: MergeNode | undefined): JsonObject {
  const out: JsonObject = { ...a };
  for (const key in b) {
    const v = b[key]!;
    const child = node?.children?.get(key);
    const prev = out[key];
    if (isObject(v)) {
      if (isEmptyObject(v)) continue;
      out[key] = isObject(prev) ? overlay(prev, v, child) : v;
    } else if (Array.isArray(v) && !isLiteralArray(v, child)) {
      if (v.length === 0) continue;
      out[key] =
        Array.isArray(prev) && !isLiteralArray(prev, child)
          ? combineDuplicates([...(prev as JsonObject[]), ...(v as JsonObject[])], child)
          : v;
    } else out[key] = v;
  }
  return out;
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
    if (child?.omit) continue;
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
      let attached = true;
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
          delete out[key];
        }
        target = [];
        attached = false;
      }
      const index = indexOf(target, ctx);
      ctx.segs.push(key);
      let items = v as JsonObject[];
      if (items.length > 1) {
        const seen = new Set<string>();
        let dup = false;
        for (let i = 0; i < items.length; i++) {
          const k = idKey(items[i]!.id);
          if (k === null) continue;
          if (seen.has(k)) {
            dup = true;
            ctx.segs.push(i);
            warn(
              ctx,
              "duplicate-id",
              `another object in this array has id ${JSON.stringify(items[i]!.id)}; merged into it`,
            );
            ctx.segs.pop();
          } else seen.add(k);
        }
        if (dup) items = combineDuplicates(items, child);
      }
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        const k = idKey(item.id);
        let obj = k === null ? undefined : index.get(k);
        ctx.segs.push(i);
        if (obj === undefined) {
          obj = {};
          if ("id" in item) obj.id = item.id!;
          mergeVersioned(obj, item, child, meta, ctx, false, true);
          if (!isEmptyObject(obj)) {
            target.push(obj);
            if (k !== null) index.set(k, obj);
          }
        } else {
          mergeVersioned(obj, item, child, meta, ctx, false, true);
        }
        ctx.segs.pop();
      }
      ctx.segs.pop();
      if (!attached && target.length > 0) out[key] = target;
      continue;
    }
    // A literal: a string, number, boolean, null or a whole-list array.
    let list: Json[];
    if (Array.isArray(existing) && ctx.versionedLists.has(existing)) {
      list = existing;
    } else {
      if (existing !== undefined) {
        const was = isObject(existing) ? "an object" : "an array of objects";
        if (v === null) {
          // Versioned values hold literals: the object's history stays, as in the reference routine.
          warn(ctx, "null-object", `${was} set to null; its versioned fields are kept`, key);
          continue;
        }
        warn(ctx, "type-conflict", `was ${was} in an earlier release, now a literal`, key);
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

/**
 * A release's own field. Every release's top-level fields are read here, whatever the release's
 * shape (each mix of fields parses to its own shape): one place that has seen every shape, so
 * that the engine does not optimise each caller for the first few shapes it met and then throw
 * that work away as others arrive.
 */
export function fieldOf(r: JsonObject, key: string): Json | undefined {
  return r[key];
}

/**
 * Releases in merge order, as sortReleases gives them, but the input array itself when it is
 * already in that order (as most publications are), to spare the copy and the sort.
 */
function mergeOrder(releases: JsonObject[], warnings: Issue[]): JsonObject[] {
  let prev = "";
  for (const r of releases) {
    const d = fieldOf(r, "date");
    if (typeof d !== "string" || d === "" || d < prev) return sortReleases(releases, warnings);
    prev = d;
  }
  return releases;
}

/** Releases in date order (stable); a release with no date sorts first, with a warning. */
export function sortReleases(releases: JsonObject[], warnings: Issue[] = []): JsonObject[] {
  const dates = releases.map((r) => {
    const d = fieldOf(r, "date");
    return typeof d === "string" ? d : "";
  });
  releases.forEach((r, i) => {
    if (dates[i] === "") {
      warnings.push({
        severity: "warning",
        code: "missing-date",
        message: `release ${String(fieldOf(r, "id"))} has no date; it is merged first`,
        path: "$.date",
      });
    }
  });
  const order = releases.map((_, i) => i);
  if (order.length > 16) {
    order.sort((a, b) => (dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : a - b));
    return order.map((i) => releases[i]!);
  }
  // A contracting process has a handful of releases: an insertion sort of their positions
  // (stable, nothing allocated per comparison).
  for (let i = 1; i < order.length; i++) {
    const k = order[i]!;
    const d = dates[k]!;
    let j = i - 1;
    while (j >= 0 && dates[order[j]!]! > d) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = k;
  }
  return order.map((i) => releases[i]!);
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
