/**
 * Validation of OCDS data: release packages, record packages, records and single releases against
 * the standard's JSON Schemas (draft 4), plus codelist checks. A value outside a closed codelist
 * is an error; outside an open codelist it is a warning (publishers may add codes, but users
 * should know). Each issue carries the JSON path and what was expected. `validate` judges by
 * OCDS 1.1.5, the version nous imports and publishes; `validateAsPublished` first decides which
 * version a document follows, as compile does (src/ocds/version.ts), and judges 1.0 data by the
 * 1.0.3 schemas (src/ocds/schema-10.ts), so that nothing valid under its own version is refused.
 */
import AjvDraft04, { type ErrorObject, type ValidateFunction } from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { identicalItems, nonUniqueRecords, nonUniqueReleases } from "./duplicates.ts";
import { deriveRules, extendSchema, OCDS_VERSION, schemas, type SchemaRules } from "./schema.ts";
import { schemas10 } from "./schema-10.ts";
import { type Issue, isObject, type Json, type JsonObject, pathKey } from "./types.ts";
import { linearUniqueItems, UNIQUE_ITEMS_KEYWORD } from "./unique-items.ts";
import { isUri } from "./uri.ts";
import { detectVersion, type OcdsVersion, type VersionVerdict } from "./version.ts";

export type DocumentKind = "release-package" | "record-package" | "record" | "release";

export interface ValidatorOptions {
  /** Codelist file name (`partyRole.csv`) -> its codes. Without it, codelists are not checked. */
  codelists?: Record<string, string[]>;
  /** Release schema patches from extensions, applied in order. */
  extensionPatches?: JsonObject[];
}

/** The schema a document was judged by, and why. */
export interface SchemaChoice {
  version: OcdsVersion;
  /** The schema release: `1.0.3` or `1.1.5`. */
  schema: string;
  reason: string;
}

export interface Validator {
  kindOf(doc: Json): DocumentKind;
  /** Issues against OCDS 1.1.5. */
  validate(doc: Json): Issue[];
  /**
   * Issues against the schema of the OCDS version the document follows (detected as compile
   * detects it), or of the version of `given` when the caller knows better.
   */
  validateAsPublished(doc: Json, given?: VersionVerdict): { schema: SchemaChoice; issues: Issue[] };
}

/** The schema release each OCDS version is judged by. */
export const SCHEMA_OF: Record<OcdsVersion, string> = { "1.0": "1.0.3", "1.1": OCDS_VERSION };

interface SchemaSet {
  release: JsonObject;
  releasePackage: JsonObject;
  recordPackage: JsonObject;
  versionedRelease: JsonObject;
}

/** One version's compiled schemas and the codelist rules of its (extended) release schema. */
interface Checks {
  byKind: Record<DocumentKind, ValidateFunction>;
  rules: SchemaRules;
  /** Dotted prefixes under which some field has a codelist, so the walk skips the rest. */
  prefixes: Set<string>;
}

/** `/releases/0/tag` -> `$.releases[0].tag` */
export function pointerToPath(pointer: string): string {
  let p = "$";
  if (!pointer) return p;
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    p = /^\d+$/.test(seg) ? `${p}[${seg}]` : pathKey(p, seg);
  }
  return p;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function describe(e: ErrorObject): { path: string; message: string } {
  const path = pointerToPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return { path: pathKey(path, String(p.missingProperty)), message: "required field is missing" };
    case "type": {
      const t = Array.isArray(p.type) ? p.type.join(" or ") : String(p.type);
      return { path, message: `expected ${t}, got ${typeName(e.data)} ${show(e.data)}` };
    }
    case "enum":
      return {
        path,
        message: `expected one of ${(p.allowedValues as unknown[]).map((x) => show(x)).join(", ")}, got ${show(e.data)}`,
      };
    case "format":
      return { path, message: `expected a valid ${String(p.format)}, got ${show(e.data)}` };
    case "minItems":
      return { path, message: `expected at least ${String(p.limit)} item(s)` };
    case "minLength":
      return { path, message: `expected at least ${String(p.limit)} character(s), got ${show(e.data)}` };
    case "minimum":
      return { path, message: `expected a number >= ${String(p.limit)}, got ${show(e.data)}` };
    case "pattern":
      return { path, message: `expected text matching ${String(p.pattern)}, got ${show(e.data)}` };
    case "uniqueItems":
      return { path, message: `expected unique items; items ${String(p.j)} and ${String(p.i)} are the same` };
    case "additionalProperties":
      return { path: pathKey(path, String(p.additionalProperty)), message: "field is not allowed here" };
    default:
      return { path, message: e.message ?? e.keyword };
  }
}

/**
 * A record's `releases` is one of two lists (the only oneOf in the OCDS schemas): linked
 * releases (`url`, `date`, `tag`) or embedded releases. Ajv reports the failures of both; keep
 * those of the list the data is meant to be (linked when every item has a `url`) and drop the
 * bare "must match exactly one schema" when the kept errors explain it.
 */
function untangleOneOf(errors: ErrorObject[], doc: Json): ErrorObject[] {
  const oneOfs = errors.filter((e) => e.keyword === "oneOf");
  if (oneOfs.length === 0) return errors;
  const drop = new Set<ErrorObject>();
  for (const o of oneOfs) {
    let value: Json | undefined = doc;
    for (const seg of o.instancePath.split("/").slice(1)) {
      const key = seg.replace(/~1/g, "/").replace(/~0/g, "~");
      value = Array.isArray(value) ? value[Number(key)] : isObject(value) ? value[key] : undefined;
    }
    const linked = Array.isArray(value) && value.length > 0 && value.every((x) => isObject(x) && "url" in x);
    const linkedBranch = `${o.schemaPath}/0/`;
    const under = errors.filter((e) => e !== o && e.instancePath.startsWith(`${o.instancePath}/`));
    for (const e of under) {
      const inLinked = e.schemaPath.startsWith(linkedBranch);
      if (inLinked !== linked) drop.add(e);
    }
    if (under.some((e) => !drop.has(e))) drop.add(o);
  }
  return errors.filter((e) => !drop.has(e));
}

// Both packages are CommonJS (`module.exports = Ajv`); under NodeNext the default import is
// typed as the module object, so name the class type explicitly.
const Ajv = AjvDraft04 as unknown as typeof import("ajv-draft-04")["default"];
const addFormats = ajvFormats as unknown as typeof import("ajv-formats")["default"];

function compileChecks(set: SchemaSet, patches: JsonObject[] | undefined): Checks {
  const release = patches?.length ? extendSchema(set.release, patches) : set.release;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, verbose: true });
  addFormats(ajv);
  // RFC 3986's grammar, not ajv-formats' stricter pattern (which rejects `placeholder:`).
  ajv.addFormat("uri", isUri);
  for (const k of [
    "omitWhenMerged",
    "wholeListMerge",
    "codelist",
    "openCodelist",
    "deprecated",
    "mergeStrategy",
    "mergeOptions",
    "versionId",
  ]) {
    ajv.addKeyword(k);
  }
  // uniqueItems in linear time (unique-items.ts): Ajv's own compares every pair of releases.
  ajv.addKeyword(UNIQUE_ITEMS_KEYWORD);
  ajv.addSchema(linearUniqueItems(release) as object);
  ajv.addSchema(linearUniqueItems(set.versionedRelease) as object);
  const byKind: Record<DocumentKind, ValidateFunction> = {
    release: ajv.getSchema(String(release.id))!,
    "release-package": ajv.compile(linearUniqueItems(set.releasePackage) as object),
    "record-package": ajv.compile(linearUniqueItems(set.recordPackage) as object),
    record: ajv.getSchema(`${String(set.recordPackage.id)}#/definitions/record`)!,
  };
  const rules: SchemaRules = deriveRules(release);
  const prefixes = new Set<string>();
  for (const path of rules.codelists.keys()) {
    const parts = path.split(".");
    for (let i = 1; i <= parts.length; i++) prefixes.add(parts.slice(0, i).join("."));
  }
  return { byKind, rules, prefixes };
}

export function createValidator(opts: ValidatorOptions = {}): Validator {
  const checks11 = compileChecks(schemas as SchemaSet, opts.extensionPatches);
  // Built when the first 1.0 document comes.
  let checks10: Checks | null = null;
  const codes = new Map<string, Set<string>>();
  for (const [name, list] of Object.entries(opts.codelists ?? {})) codes.set(name, new Set(list));
  // The rules of the version being checked, set by run() before the codelist walk reads them.
  let rules = checks11.rules;
  let prefixes = checks11.prefixes;

  const checkValue = (v: Json, dotted: string, jsonPath: string, out: Issue[]) => {
    const rule = rules.codelists.get(dotted);
    if (rule) {
      const list = codes.get(rule.codelist);
      if (list) {
        const values = Array.isArray(v)
          ? v.map((x, i) => [x, `${jsonPath}[${i}]`] as const)
          : [[v, jsonPath] as const];
        for (const [x, p] of values) {
          if (typeof x !== "string" || list.has(x)) continue;
          out.push({
            severity: rule.open ? "warning" : "error",
            code: "codelist",
            path: p,
            message: `${show(x)} is not in the ${rule.open ? "open" : "closed"} codelist ${rule.codelist}`,
          });
        }
      }
    }
    walk(v, dotted, jsonPath, out);
  };
  const walk = (v: Json, dotted: string, jsonPath: string, out: Issue[]) => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i]!;
        if (isObject(x)) walkObject(x, dotted, `${jsonPath}[${i}]`, out);
      }
    } else if (isObject(v)) walkObject(v, dotted, jsonPath, out);
  };
  const walkObject = (o: JsonObject, dotted: string, jsonPath: string, out: Issue[]) => {
    for (const key in o) {
      const d = dotted ? `${dotted}.${key}` : key;
      if (!prefixes.has(d)) continue;
      checkValue(o[key]!, d, pathKey(jsonPath, key), out);
    }
  };

  const kindOf = (doc: Json): DocumentKind => {
    if (!isObject(doc)) return "release";
    if ("records" in doc) return "record-package";
    if ("compiledRelease" in doc || "versionedRelease" in doc) return "record";
    return "releases" in doc ? "release-package" : "release";
  };

  const run = (doc: Json, checks: Checks): Issue[] => {
    rules = checks.rules;
    prefixes = checks.prefixes;
    const kind = kindOf(doc);
    const fn = checks.byKind[kind];
    const out: Issue[] = [];
    // Releases sharing (ocid, id), records sharing an ocid: every one, identical or not.
    let covered: (path: string, i: number) => boolean = () => false;
    if (kind === "release-package" && isObject(doc) && Array.isArray(doc.releases)) {
      const rs = doc.releases;
      out.push(...nonUniqueReleases(rs));
      covered = (path, i) => {
        const r = rs[i];
        return path === "$.releases" && isObject(r) && typeof r.ocid === "string" && typeof r.id === "string";
      };
    } else if (kind === "record-package" && isObject(doc) && Array.isArray(doc.records)) {
      const rs = doc.records;
      out.push(...nonUniqueRecords(rs));
      covered = (path, i) => {
        const r = rs[i];
        return path === "$.records" && isObject(r) && typeof r.ocid === "string";
      };
    }
    if (!fn(doc)) {
      const seen = new Set<string>();
      for (const e of untangleOneOf(fn.errors ?? [], doc)) {
        if (e.keyword === "uniqueItems" && Array.isArray(e.data)) {
          // Ajv names the first pair only: name every group of identical items.
          const path = pointerToPath(e.instancePath);
          if (seen.has(`${path}\u0000uniqueItems`)) continue;
          seen.add(`${path}\u0000uniqueItems`);
          out.push(...identicalItems(e.data as Json[], path, (i) => covered(path, i)));
          continue;
        }
        const d = describe(e);
        const key = `${d.path}\u0000${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ severity: "error", code: `schema-${e.keyword}`, path: d.path, message: d.message });
      }
    }
    if (codes.size > 0) {
      const releaseRoots: [JsonObject, string][] = [];
      if (kind === "release" && isObject(doc)) releaseRoots.push([doc, "$"]);
      if (kind === "release-package" && isObject(doc) && Array.isArray(doc.releases)) {
        for (let i = 0; i < doc.releases.length; i++) {
          const r = doc.releases[i];
          if (isObject(r)) releaseRoots.push([r, `$.releases[${i}]`]);
        }
      }
      const records: [Json, string][] = [];
      if (kind === "record" && isObject(doc)) records.push([doc, "$"]);
      if (kind === "record-package" && isObject(doc) && Array.isArray(doc.records)) {
        for (let i = 0; i < doc.records.length; i++) records.push([doc.records[i]!, `$.records[${i}]`]);
      }
      for (const [rec, base] of records) {
        if (!isObject(rec)) continue;
        if (Array.isArray(rec.releases)) {
          for (let j = 0; j < rec.releases.length; j++) {
            const r = rec.releases[j];
            if (isObject(r) && r.url === undefined) releaseRoots.push([r, `${base}.releases[${j}]`]);
          }
        }
        if (isObject(rec.compiledRelease))
          releaseRoots.push([rec.compiledRelease, `${base}.compiledRelease`]);
      }
      // Closed codelists are also enums in the schema: report each bad value once.
      const schemaEnum = new Set(out.filter((x) => x.code === "schema-enum").map((x) => x.path));
      const found: Issue[] = [];
      for (const [r, p] of releaseRoots) walkObject(r, "", p, found);
      for (const f of found) if (!(f.severity === "error" && schemaEnum.has(f.path))) out.push(f);
    }
    return out;
  };

  return {
    kindOf,
    validate: (doc) => run(doc, checks11),
    validateAsPublished(doc, given) {
      const verdict = given ?? detectVersion(doc, kindOf(doc));
      const schema = { version: verdict.version, schema: SCHEMA_OF[verdict.version], reason: verdict.reason };
      if (verdict.version === "1.1") return { schema, issues: run(doc, checks11) };
      const notes: Issue[] = [];
      if (!checks10) {
        try {
          checks10 = compileChecks(schemas10, opts.extensionPatches);
        } catch (e) {
          // Extensions are written against 1.1 and may refer to what 1.0 lacks (OrganizationReference).
          checks10 = compileChecks(schemas10, undefined);
          notes.push({
            severity: "warning",
            code: "extension-unavailable",
            path: "$.extensions",
            message:
              `the declared extensions cannot be applied to the OCDS 1.0.3 release schema (${(e as Error).message}), ` +
              "so 1.0 data is validated without them and their fields as unknown fields; " +
              "nous ocds upgrade turns the data into 1.1, which they fit",
          });
        }
      }
      return { schema, issues: [...notes, ...run(doc, checks10)] };
    },
  };
}
