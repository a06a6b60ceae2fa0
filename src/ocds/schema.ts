/**
 * The OCDS 1.1.5 release schema (and the 1.0.3 one, for 1.0 data) and what the merge and codelist
 * checks need from it, computed once: which fields are omitted when merging (omitWhenMerged, or
 * 1.0's `mergeStrategy: "ocdsOmit"`), which arrays are merged as a whole (wholeListMerge, 1.0's
 * `mergeStrategy: "ocdsVersion"` on an array, arrays of non-objects, arrays of objects without an
 * `id`), and which fields take their values from a codelist. Nothing here names an OCDS field by
 * hand: change the schema (or apply an extension) and the rules follow.
 */
import recordPackageSchema from "../../schema/ocds/1.1.5/record-package-schema.json" with { type: "json" };
import releasePackageSchema from "../../schema/ocds/1.1.5/release-package-schema.json" with { type: "json" };
import releaseSchema10 from "../../schema/ocds/1.0.3/release-schema.json" with { type: "json" };
import releaseSchema from "../../schema/ocds/1.1.5/release-schema.json" with { type: "json" };
import versionedReleaseSchema from "../../schema/ocds/1.1.5/versioned-release-validation-schema.json" with {
  type: "json",
};
import { isObject, type Json, type JsonObject } from "./types.ts";
import type { OcdsVersion } from "./version.ts";

export const OCDS_VERSION = "1.1.5";

export const schemas = {
  release: releaseSchema as unknown as JsonObject,
  releasePackage: releasePackageSchema as unknown as JsonObject,
  recordPackage: recordPackageSchema as unknown as JsonObject,
  versionedRelease: versionedReleaseSchema as unknown as JsonObject,
  /** The OCDS 1.0.3 release schema, as published (see schema/ocds/1.0.3/README.md). */
  release10: releaseSchema10 as unknown as JsonObject,
};

/** Merge behaviour of one field, and of its children when it is an object or array of objects. */
export interface MergeNode {
  omit: boolean;
  wholeList: boolean;
  children: Map<string, MergeNode> | null;
  /** True when a child is omitted when merging (set by deriveRules; the merge works it out when absent). */
  omitsChild?: boolean;
}

export interface CodelistRule {
  codelist: string;
  open: boolean;
}

export interface SchemaRules {
  merge: MergeNode;
  /** Dotted field path without array indices (`awards.status`) -> its codelist. */
  codelists: Map<string, CodelistRule>;
}

function types(node: JsonObject): string[] {
  const t = node.type;
  if (typeof t === "string") return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === "string");
  return [];
}

function deref(root: JsonObject, node: Json | undefined, depth: number): JsonObject | null {
  if (!isObject(node)) return null;
  let cur: JsonObject = node;
  for (let i = 0; i < 10 && typeof cur.$ref === "string"; i++) {
    const ref = cur.$ref as string;
    if (!ref.startsWith("#/")) return cur;
    let target: Json | undefined = root;
    for (const part of ref.slice(2).split("/")) target = isObject(target) ? target[part] : undefined;
    if (!isObject(target)) return null;
    cur = target;
  }
  return depth > 30 ? null : cur;
}

/** Builds the merge and codelist rules from a release schema (with any extensions applied). */
export function deriveRules(schema: JsonObject): SchemaRules {
  const codelists = new Map<string, CodelistRule>();
  const build = (props: Json | undefined, prefix: string, depth: number): Map<string, MergeNode> | null => {
    if (!isObject(props) || depth > 30) return null;
    const out = new Map<string, MergeNode>();
    for (const [key, raw] of Object.entries(props)) {
      const field = deref(schema, raw, depth);
      if (!field) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const t = types(field);
      const node: MergeNode = {
        omit: field.omitWhenMerged === true || field.mergeStrategy === "ocdsOmit",
        wholeList: false,
        children: null,
      };
      if (typeof field.codelist === "string") {
        codelists.set(path, { codelist: field.codelist, open: field.openCodelist === true });
      }
      if (t.includes("array")) {
        const items = deref(schema, field.items, depth + 1);
        const itemTypes = items ? types(items) : [];
        const itemProps = items && isObject(items.properties) ? items.properties : null;
        if (
          field.wholeListMerge === true ||
          field.mergeStrategy === "ocdsVersion" ||
          (itemTypes.length > 0 && itemTypes.some((x) => x !== "object")) ||
          (itemTypes.includes("object") && itemProps !== null && !("id" in itemProps))
        ) {
          node.wholeList = true;
        }
        if (items && typeof items.codelist === "string") {
          codelists.set(path, { codelist: items.codelist, open: items.openCodelist === true });
        }
        if (itemProps) node.children = build(itemProps, path, depth + 1);
      } else if (isObject(field.properties)) {
        node.children = build(field.properties, path, depth + 1);
      }
      if (node.children) node.omitsChild = [...node.children.values()].some((c) => c.omit);
      out.set(key, node);
    }
    return out;
  };
  const top = build(schema.properties, "", 0);
  const merge: MergeNode = {
    omit: false,
    wholeList: false,
    children: top,
    omitsChild: top !== null && [...top.values()].some((c) => c.omit),
  };
  return { merge, codelists };
}

/** JSON Merge Patch (RFC 7396), the way OCDS extensions patch the release schema. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

/** The release schema with each extension's release-schema.json patch applied in order. */
export function extendSchema(base: JsonObject, patches: JsonObject[]): JsonObject {
  let out: Json = base;
  for (const p of patches) out = mergePatch(out, p);
  return out as JsonObject;
}

let defaultRules: SchemaRules | null = null;
let rules10: SchemaRules | null = null;
/** Rules for the plain release schema of an OCDS version (1.1: 1.1.5, 1.0: 1.0.3), computed on first use. */
export function releaseRules(version: OcdsVersion = "1.1"): SchemaRules {
  if (version === "1.0") {
    rules10 ??= deriveRules(schemas.release10);
    return rules10;
  }
  defaultRules ??= deriveRules(schemas.release);
  return defaultRules;
}

/** The release schema of an OCDS version, to extend with extensions' patches. */
export function releaseSchemaOf(version: OcdsVersion = "1.1"): JsonObject {
  return version === "1.0" ? schemas.release10 : schemas.release;
}
