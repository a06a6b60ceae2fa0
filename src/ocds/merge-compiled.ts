/**
 * The compiled release's merge (see merge.ts): one release at a time into the compiled object,
 * the latest value of each field winning.
 */
import { clean, cleanArray, cleanItem } from "./merge-clean.ts";
import {
  type Ctx,
  findById,
  hasAltId,
  idKey,
  isEmptyObject,
  isLiteralArray,
  kind,
  pushById,
  REMOVED,
  SCAN_LIMIT,
  sameId,
  warn,
} from "./merge-context.ts";
import type { MergeNode } from "./schema.ts";
import { isObject, type Json, type JsonObject } from "./types.ts";

/**
 * Merges one release's object into the compiled object. Returns true when the input held a
 * value (a literal, null or a whole list) at any depth: an object or array is only added to the
 * compiled release for such input.
 */
export function mergeCompiled(
  out: JsonObject,
  inp: JsonObject,
  node: MergeNode | undefined,
  ctx: Ctx,
): boolean {
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
export function dropRemoved(o: JsonObject): void {
  for (const key in o) {
    const v = o[key]!;
    if (v === REMOVED) delete o[key];
    else if (Array.isArray(v)) {
      for (const x of v) if (isObject(x)) dropRemoved(x);
    } else if (isObject(v)) dropRemoved(v);
  }
}
