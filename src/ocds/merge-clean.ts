/**
 * Whether a part of a release can be taken into a compiled release as it is (see merge.ts,
 * MergeOptions.consume), instead of being merged into a copy.
 */
import { idKey, isEmptyObject, isLiteralArray } from "./merge-context.ts";
import type { MergeNode } from "./schema.ts";
import type { JsonObject } from "./types.ts";

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
export function clean(o: JsonObject, node: MergeNode | undefined): boolean {
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
export function cleanArray(arr: JsonObject[], node: MergeNode | undefined): boolean {
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
export function cleanItem(item: JsonObject, node: MergeNode | undefined): boolean {
  // A new object in an identifier-merged array starts with its id, as in the reference routine.
  let first: string | undefined;
  for (const k in item) {
    first = k;
    break;
  }
  return first !== undefined && (first === "id" || !("id" in item)) && clean(item, node);
}
