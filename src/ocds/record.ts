/**
 * Records and record packages (OCDS 1.1 record package schema): one record per ocid, holding
 * its releases (embedded, or linked by `{package uri}#{release id}`), the compiled release and,
 * on request, the versioned release.
 */
import { type MergeOptions, compileRelease, sortReleases, versionRelease } from "./merge.ts";
import { type Issue, isObject, type Json, type JsonObject } from "./types.ts";

/** A release together with the URI of the package it came in (for linked releases). */
export interface SourcedRelease {
  release: JsonObject;
  packageUri?: string;
}

export interface RecordOptions extends MergeOptions {
  versioned?: boolean;
  /** Link releases (`url`, `date`, `tag`) when their package has a URI, instead of embedding them. */
  linkedReleases?: boolean;
}

export function buildRecord(
  items: SourcedRelease[],
  opts: RecordOptions = {},
  warnings: Issue[] = [],
): JsonObject {
  const releases = items.map((x) => x.release);
  const uriOf = new Map<JsonObject, string | undefined>(items.map((x) => [x.release, x.packageUri]));
  const sorted = sortReleases(releases, []);
  const ocid = sorted.find((r) => r.ocid !== undefined)?.ocid ?? null;
  const record: JsonObject = { ocid };
  record.releases = sorted.map((r): Json => {
    const uri = uriOf.get(r);
    if (opts.linkedReleases && uri) {
      const link: JsonObject = { url: `${uri}#${String(r.id)}` };
      if (r.date !== undefined) link.date = r.date;
      if (r.tag !== undefined) link.tag = r.tag;
      return link;
    }
    return r;
  });
  record.compiledRelease = compileRelease(releases, opts, warnings);
  if (opts.versioned) record.versionedRelease = versionRelease(releases, opts, []);
  return record;
}

/** Package metadata fields copied from the first input package into the output package. */
const PACKAGE_FIELDS = ["publisher", "license", "publicationPolicy", "version"] as const;

export interface PackageMeta {
  uri?: string;
  publishedDate?: string;
  publisher?: Json;
  license?: Json;
  publicationPolicy?: Json;
  version?: Json;
  extensions?: string[];
  packages?: string[];
}

/** Collects package metadata across input packages: the first package's fields, all extensions and URIs. */
export class PackageMetaCollector {
  readonly meta: PackageMeta = {};
  private readonly ext = new Set<string>();
  private readonly uris = new Set<string>();

  add(pkg: JsonObject): void {
    for (const f of PACKAGE_FIELDS) {
      if (this.meta[f] === undefined && pkg[f] !== undefined) this.meta[f] = pkg[f];
    }
    if (Array.isArray(pkg.extensions))
      for (const e of pkg.extensions) if (typeof e === "string") this.ext.add(e);
    if (typeof pkg.uri === "string") this.uris.add(pkg.uri);
  }

  result(overrides: { uri?: string; publishedDate?: string } = {}): PackageMeta {
    const out: PackageMeta = { ...this.meta };
    if (this.ext.size) out.extensions = [...this.ext];
    if (this.uris.size) out.packages = [...this.uris];
    if (overrides.uri !== undefined) out.uri = overrides.uri;
    if (overrides.publishedDate !== undefined) out.publishedDate = overrides.publishedDate;
    return out;
  }
}

/**
 * The record package without its records (adapters stream records into it). A package of 1.0
 * records has no `version` (OCDS 1.0's package schemas have none, and a package without one is
 * read as 1.0); otherwise it says the input's version, or 1.1.
 */
export function recordPackageHead(meta: PackageMeta, merged: "1.0" | "1.1" = "1.1"): JsonObject {
  const out: JsonObject = {};
  out.uri = meta.uri ?? "";
  if (meta.publisher !== undefined) out.publisher = meta.publisher;
  out.publishedDate = meta.publishedDate ?? "";
  if (meta.license !== undefined) out.license = meta.license;
  if (meta.publicationPolicy !== undefined) out.publicationPolicy = meta.publicationPolicy;
  if (merged !== "1.0") out.version = meta.version ?? "1.1";
  if (meta.extensions) out.extensions = meta.extensions;
  if (meta.packages) out.packages = meta.packages;
  return out;
}

export function recordPackage(meta: PackageMeta, records: JsonObject[]): JsonObject {
  return { ...recordPackageHead(meta), records };
}

/** Splits parsed input (a release package, a record package's releases, or a release) into releases. */
export function releasesOf(doc: Json): { releases: JsonObject[]; pkg: JsonObject | null } {
  if (!isObject(doc)) return { releases: [], pkg: null };
  if (Array.isArray(doc.releases)) {
    return { releases: doc.releases.filter(isObject), pkg: doc };
  }
  if (Array.isArray(doc.records)) {
    const out: JsonObject[] = [];
    for (const rec of doc.records) {
      if (isObject(rec) && Array.isArray(rec.releases)) {
        for (const r of rec.releases) if (isObject(r) && r.url === undefined) out.push(r);
      }
    }
    return { releases: out, pkg: doc };
  }
  return { releases: [doc], pkg: null };
}
