/**
 * Upgrades OCDS 1.0 data to 1.1, as the standard's 1.1 changes describe them (OCDS 1.1 release
 * notes: organisations move to a top-level `parties` array and are referenced by `id`;
 * `amendment` becomes the `amendments` array; a transaction's `amount`, `providerOrganization`
 * and `receiverOrganization` become `value`, `payer` and `payee`), so 1.0 publications can be
 * merged with, and validated as, 1.1 data.
 *
 * - Each organisation object (buyer, tender.procuringEntity, tender.tenderers, awards.suppliers,
 *   and a transaction's provider and receiver identifiers) becomes a party with an `id` and its
 *   role (buyer, procuringEntity, tenderer, supplier, payer, payee); in its place stays an
 *   organisation reference `{id, name}`. An organisation named in several places is one party
 *   with all its roles.
 * - A party's id is `{identifier.scheme}-{identifier.id}` when the organisation has both (the
 *   form the 1.1 guidance suggests for organisation ids), else its `identifier.id`, else its
 *   name, so the same organisation gets the same id in every release of a process and the
 *   releases still merge. Organisations sharing an id are one party; when their other details
 *   differ, the first seen is kept, with a warning.
 * - A package gets `"version": "1.1"`; data already 1.1 is returned unchanged.
 * Pure: the input is not modified.
 */
import { type Issue, isObject, type Json, type JsonObject } from "./types.ts";
import { type DocumentKind, detectVersion, type VersionVerdict } from "./version.ts";

export interface UpgradeResult {
  value: Json;
  /** What the input was read as, and why. */
  verdict: VersionVerdict;
  /** False when the input was already 1.1 (returned as it was). */
  upgraded: boolean;
  warnings: Issue[];
}

/** The kind of an OCDS document, as the open-contracting tools tell them apart. */
export function documentKind(doc: Json): DocumentKind | null {
  if (!isObject(doc)) return null;
  if (Array.isArray(doc.records)) return "record-package";
  if (Array.isArray(doc.releases)) {
    // A record has an ocid, or a compiled or versioned release (some publishers omit the ocid).
    return "ocid" in doc || "compiledRelease" in doc || "versionedRelease" in doc
      ? "record"
      : "release-package";
  }
  return "release";
}

const clone = <T extends Json>(v: T): T => structuredClone(v);

/** Returns the object with `key` set to `value` just after the first of `after` it has. */
function insertAfter(o: JsonObject, key: string, value: Json, after: string[]): JsonObject {
  if (key in o) {
    o[key] = value;
    return o;
  }
  const keys = Object.keys(o);
  let at = -1;
  for (const a of after) at = Math.max(at, keys.indexOf(a));
  const out: JsonObject = {};
  if (at < 0) out[key] = value;
  keys.forEach((k, i) => {
    out[k] = o[k]!;
    if (i === at) out[key] = value;
  });
  return out;
}

const text = (v: Json | undefined): string | null =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null;

/** What tells two organisations apart: all their fields except roles. */
function identity(o: JsonObject): string {
  const { roles: _roles, id: _id, ...rest } = o;
  return JSON.stringify(rest);
}

class Parties {
  readonly list: JsonObject[];
  private readonly byId = new Map<string, JsonObject>();

  constructor(
    existing: Json | undefined,
    private readonly warn: (message: string, path: string) => void,
  ) {
    this.list = Array.isArray(existing) ? existing.filter(isObject) : [];
    for (const p of this.list) {
      const id = text(p.id);
      if (id !== null) this.byId.set(id, p);
    }
  }

  /** Adds the organisation (a copy) as a party with the role; returns the reference that replaces it. */
  add(org: JsonObject, role: string, path: string): JsonObject {
    const ident = isObject(org.identifier) ? org.identifier : {};
    const scheme = text(ident.scheme);
    const idInScheme = text(ident.id);
    const id =
      text(org.id) ??
      (scheme !== null && idInScheme !== null ? `${scheme}-${idInScheme}` : (idInScheme ?? text(org.name))) ??
      "unidentified";
    let party = this.byId.get(id);
    if (!party) {
      const { id: _old, ...fields } = clone(org);
      party = { id, ...fields };
      this.list.push(party);
      this.byId.set(id, party);
    } else if (
      Object.keys(org).some((k) => k !== "id" && k !== "name") &&
      identity(party) !== identity(org)
    ) {
      // An organisation reference ({id, name}) to a listed party is already what 1.1 wants.
      this.warn(
        `this ${role} has the same party id "${id}" as an organisation already listed, but other details differ; parties keeps the details first seen`,
        path,
      );
    }
    const roles = Array.isArray(party.roles) ? party.roles : [];
    if (!roles.includes(role)) {
      roles.push(role);
      party.roles = roles;
    }
    const ref: JsonObject = { id: party.id! };
    if (org.name !== undefined) ref.name = org.name;
    return ref;
  }
}

/** One 1.0 release (or compiled release) as 1.1. */
export function upgradeRelease(release: JsonObject, warnings: Issue[] = [], at = "$"): JsonObject {
  let r = clone(release);
  const warn = (message: string, path: string) =>
    warnings.push({ severity: "warning", code: "upgrade", message, path: `${at}${path}` });
  const parties = new Parties(r.parties, warn);
  const org = (o: JsonObject, key: string, role: string, path: string) => {
    const v = o[key];
    if (isObject(v)) o[key] = parties.add(v, role, `${path}.${key}`);
  };
  const orgs = (o: JsonObject, key: string, role: string, path: string) => {
    const v = o[key];
    if (Array.isArray(v)) {
      o[key] = v.map((x, i) => (isObject(x) ? parties.add(x, role, `${path}.${key}[${i}]`) : x));
    }
  };
  const amendments = (o: JsonObject, path: string) => {
    if (!("amendment" in o)) return;
    const list = Array.isArray(o.amendments) ? o.amendments : [];
    const a = o.amendment!;
    if (!list.some((x) => JSON.stringify(x) === JSON.stringify(a))) list.push(a);
    o.amendments = list;
    delete o.amendment;
    if (!isObject(a)) warn("amendment was not an object; moved to amendments as it was", `${path}.amendment`);
  };

  org(r, "buyer", "buyer", "");
  if (isObject(r.tender)) {
    org(r.tender, "procuringEntity", "procuringEntity", ".tender");
    orgs(r.tender, "tenderers", "tenderer", ".tender");
    amendments(r.tender, ".tender");
  }
  if (Array.isArray(r.awards)) {
    r.awards.forEach((a, i) => {
      if (!isObject(a)) return;
      orgs(a, "suppliers", "supplier", `.awards[${i}]`);
      amendments(a, `.awards[${i}]`);
    });
  }
  if (Array.isArray(r.contracts)) {
    r.contracts.forEach((c, i) => {
      if (!isObject(c)) return;
      amendments(c, `.contracts[${i}]`);
      const tx = isObject(c.implementation) ? c.implementation.transactions : undefined;
      if (!Array.isArray(tx)) return;
      tx.forEach((t, j) => {
        if (!isObject(t)) return;
        const path = `.contracts[${i}].implementation.transactions[${j}]`;
        if ("amount" in t && !("value" in t)) {
          t.value = t.amount!;
          delete t.amount;
        }
        for (const [old, now] of [
          ["providerOrganization", "payer"],
          ["receiverOrganization", "payee"],
        ] as const) {
          const ident = t[old];
          if (!isObject(ident) || now in t) continue;
          const asOrg: JsonObject = { identifier: ident };
          if (typeof ident.legalName === "string") asOrg.name = ident.legalName;
          t[now] = parties.add(asOrg, now, `${path}.${old}`);
          delete t[old];
        }
      });
    });
  }
  if (parties.list.length > 0) {
    r = insertAfter(r, "parties", parties.list, ["ocid", "id", "date", "tag", "initiationType"]);
  }
  return r;
}

function upgradeRecord(rec: JsonObject, warnings: Issue[], at: string): JsonObject {
  const out = clone(rec);
  if (Array.isArray(out.releases)) {
    out.releases = out.releases.map((r, i) =>
      // A linked release (url, date, tag) has nothing to upgrade.
      isObject(r) && r.url === undefined ? upgradeRelease(r, warnings, `${at}.releases[${i}]`) : r,
    );
  }
  if (isObject(out.compiledRelease)) {
    out.compiledRelease = upgradeRelease(out.compiledRelease, warnings, `${at}.compiledRelease`);
  }
  if (out.versionedRelease !== undefined) {
    warnings.push({
      severity: "warning",
      code: "upgrade",
      path: `${at}.versionedRelease`,
      message:
        "the versioned release is left as it was (a 1.0 history cannot be rewritten release by release); rebuild it from the upgraded releases with nous ocds compile --versioned",
    });
  }
  return out;
}

/** A release package, record package, release or record as OCDS 1.1. */
export function upgrade(doc: Json): UpgradeResult {
  const warnings: Issue[] = [];
  const kind = documentKind(doc);
  if (kind === null || !isObject(doc)) {
    return {
      value: doc,
      verdict: { version: "1.1", reason: "it is not a JSON object, so not OCDS data nous can upgrade" },
      upgraded: false,
      warnings: [
        {
          severity: "error",
          code: "upgrade",
          path: "$",
          message: "expected a release package, record package, release or record (a JSON object)",
        },
      ],
    };
  }
  const verdict = detectVersion(doc, kind);
  if (verdict.version === "1.1") return { value: doc, verdict, upgraded: false, warnings };
  let value: JsonObject;
  if (kind === "release-package") {
    value = {
      ...doc,
      releases: (doc.releases as Json[]).map((r, i) =>
        isObject(r) ? upgradeRelease(r, warnings, `$.releases[${i}]`) : r,
      ),
    };
  } else if (kind === "record-package") {
    value = {
      ...doc,
      records: (doc.records as Json[]).map((r, i) =>
        isObject(r) ? upgradeRecord(r, warnings, `$.records[${i}]`) : r,
      ),
    };
  } else if (kind === "record") {
    value = upgradeRecord(doc, warnings, "$");
  } else {
    value = upgradeRelease(doc, warnings, "$");
  }
  if (kind === "release-package" || kind === "record-package") {
    value = insertAfter(value, "version", "1.1", ["uri"]);
    value.version = "1.1";
  }
  return { value, verdict, upgraded: true, warnings };
}
