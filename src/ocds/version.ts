/**
 * Which OCDS minor version a document follows, decided as the standard and the open-contracting
 * tools decide it (OCDS 1.1 package schemas: `version` "defaults to 1.0" when absent; ocdskit's
 * get_ocds_minor_version): a package without `version` is 1.0; a bare release without `parties`
 * (a field 1.1 added) is read as 1.0, and so is a record none of whose releases has `parties`.
 * It matters because 1.0 and 1.1 merge some arrays differently, so mixing them in one merge
 * gives a compiled release that neither version's rules describe.
 */
import { isObject } from "./types.ts";

export type OcdsVersion = "1.0" | "1.1";

export interface VersionVerdict {
  version: OcdsVersion;
  /** Why, in plain words: `the release package has no "version" field, which OCDS reads as 1.0`. */
  reason: string;
}

export type DocumentKind = "release-package" | "record-package" | "release" | "record";

const LABEL: Record<DocumentKind, string> = {
  "release-package": "release package",
  "record-package": "record package",
  release: "release",
  record: "record",
};

export function detectVersion(doc: unknown, kind: DocumentKind): VersionVerdict {
  const label = LABEL[kind];
  if (kind === "release-package" || kind === "record-package") {
    const v = isObject(doc) ? doc.version : undefined;
    if (v === undefined) {
      return { version: "1.0", reason: `the ${label} has no "version" field, which OCDS reads as 1.0` };
    }
    if (v === "1.0") return { version: "1.0", reason: `the ${label} says "version": "1.0"` };
    if (v === "1.1" || (typeof v === "string" && v.startsWith("1.1."))) {
      return { version: "1.1", reason: `the ${label} says "version": ${JSON.stringify(v)}` };
    }
    return {
      version: "1.1",
      reason: `the ${label} says "version": ${JSON.stringify(v)}, which is not 1.0 or 1.1; read as 1.1, the latest version nous knows`,
    };
  }
  if (kind === "record") {
    const releases = isObject(doc) && Array.isArray(doc.releases) ? doc.releases : [];
    if (releases.some((r) => isObject(r) && "parties" in r)) {
      return { version: "1.1", reason: `a release in the record has "parties", a field OCDS 1.1 added` };
    }
    return {
      version: "1.0",
      reason: `no release in the record has "parties" (a field OCDS 1.1 added), so it is read as 1.0`,
    };
  }
  if (isObject(doc) && "parties" in doc) {
    return { version: "1.1", reason: `the release has "parties", a field OCDS 1.1 added` };
  }
  return {
    version: "1.0",
    reason: `the release has no "parties" field (OCDS 1.1 added it), so it is read as 1.0`,
  };
}

export interface SourcedVerdict {
  file: string;
  verdict: VersionVerdict;
}

/** The refusal for inputs of different versions in one merge, saying which and how to upgrade. */
export function mixedVersionsMessage(a: SourcedVerdict, b: SourcedVerdict): string {
  const [older, newer] = a.verdict.version === "1.0" ? [a, b] : [b, a];
  return (
    `inputs follow different OCDS versions, which cannot be merged together: ` +
    `${a.file} is OCDS ${a.verdict.version} (${a.verdict.reason}) but ` +
    `${b.file} is OCDS ${b.verdict.version} (${b.verdict.reason}). ` +
    (older.verdict.version === "1.0" && newer.verdict.version === "1.1"
      ? `Upgrade the 1.0 data first: nous ocds upgrade ${older.file} > upgraded.json, then merge upgraded.json with ${newer.file}.`
      : "Upgrade the older data first with nous ocds upgrade.")
  );
}

/** What is assumed of releases outside a package (src/ocds/version.ts reads an ocid's releases as a record). */
export function bareReleasesMessage(file: string): string {
  return `${file}: releases outside a package: each ocid's releases are merged as OCDS 1.1 when one of them has "parties" (a field 1.1 added), otherwise as 1.0`;
}
