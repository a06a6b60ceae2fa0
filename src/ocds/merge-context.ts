/**
 * The state of one merge (see merge.ts) and the helpers every part of it uses: warnings with the
 * path they are about, the identity of objects in identifier-merged arrays and finding them.
 */
import type { MergeNode } from "./schema.ts";
import { type Issue, isObject, type Json, type JsonObject, pathKey } from "./types.ts";

/**
 * Marks a field that `null` removed from the compiled release. The field keeps its place (as in
 * the reference routine, a field comes back where it was first seen) and is dropped at the end.
 */
export const REMOVED: JsonObject = Object.freeze({}) as JsonObject;

export interface Ctx {
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

export function warn(ctx: Ctx, code: string, message: string, key?: string): void {
  ctx.warnings.push({
    severity: "warning",
    code,
    message: `release ${String(ctx.releaseId)}: ${message}`,
    path: currentPath(ctx, key),
  });
}

export function kind(v: Json | undefined): string {
  if (v === undefined) return "absent";
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v === "object" ? "object" : "literal";
}

/** True when the array is merged as a single value. */
export function isLiteralArray(arr: Json[], node: MergeNode | undefined): boolean {
  if (node?.wholeList) return true;
  for (const x of arr) if (!isObject(x)) return true;
  return false;
}

/** The identity of an object in an identifier-merged array; null when it has no `id` (appended). */
export function idKey(id: Json | undefined): string | null {
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

export function indexOf(arr: Json[], ctx: Ctx): Map<string, JsonObject> {
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
export const SCAN_LIMIT = 8;

/** Equal ids as idKey compares them: same JSON type and value (objects by their JSON text). */
export function sameId(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return a !== undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The object with this id in an identifier-merged array of the compiled release. */
export function findById(target: Json[], id: Json, ctx: Ctx): JsonObject | undefined {
  const index = ctx.indexes?.get(target);
  if (index === undefined && target.length <= SCAN_LIMIT) {
    for (const x of target) if (isObject(x) && "id" in x && sameId(x.id, id)) return x;
    return undefined;
  }
  return (index ?? indexOf(target, ctx)).get(idKey(id)!);
}

/** True when the array holds an id equal to this one only after number/string conversion. */
export function hasAltId(target: Json[], id: Json, ctx: Ctx): boolean {
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
export function pushById(target: Json[], obj: JsonObject, id: Json | undefined, ctx: Ctx): void {
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

export function isEmptyObject(o: JsonObject): boolean {
  for (const _ in o) return false;
  return true;
}
