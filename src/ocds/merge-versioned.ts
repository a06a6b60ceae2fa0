/**
 * The versioned release's merge (see merge.ts): one release at a time, each field keeping every
 * value it had with the release it came from.
 */
import { type Ctx, idKey, indexOf, isEmptyObject, isLiteralArray, warn } from "./merge-context.ts";
import type { MergeNode } from "./schema.ts";
import { isObject, type Json, type JsonObject } from "./types.ts";

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

export interface Meta {
  releaseID: Json;
  releaseDate: Json;
  releaseTag: Json;
}

export function mergeVersioned(
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
