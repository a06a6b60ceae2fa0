/**
 * Duplicates in a package, reported in full. OCDS requires each release in a release package to
 * have a unique (ocid, id) pair, and each record in a record package a unique ocid; a repeated
 * one means a publisher sent two different versions of "the same" release, and a merge would
 * silently keep one of them. JSON Schema's uniqueItems catches only identical items and names
 * only the first pair it finds; here every repeated combination is one finding naming all the
 * places it occurs, and every group of identical items in any array is named as well.
 */
import { type Issue, isObject, type Json } from "./types.ts";

/** Text that is equal for JSON values that are equal (object keys in any order). */
function canonical(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k]!)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

function list(paths: string[]): string {
  return paths.length === 2
    ? `${paths[0]} and ${paths[1]}`
    : `${paths.slice(0, -1).join(", ")} and ${paths.at(-1)}`;
}

/** Groups of two or more positions holding equal items. */
export function identicalGroups(items: Json[]): number[][] {
  const at = new Map<string, number[]>();
  items.forEach((x, i) => {
    const k = canonical(x);
    const g = at.get(k);
    if (g) g.push(i);
    else at.set(k, [i]);
  });
  return [...at.values()].filter((g) => g.length > 1);
}

/** Each (ocid, id) shared by several releases of a release package. */
export function nonUniqueReleases(releases: Json[], base = "$.releases"): Issue[] {
  const groups = new Map<string, number[]>();
  releases.forEach((r, i) => {
    if (!isObject(r) || typeof r.ocid !== "string" || typeof r.id !== "string") return;
    const k = JSON.stringify([r.ocid, r.id]);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const out: Issue[] = [];
  for (const [k, g] of groups) {
    if (g.length < 2) continue;
    const [ocid, id] = JSON.parse(k) as [string, string];
    const same = identicalGroups(g.map((i) => releases[i]!)).some((x) => x.length === g.length);
    out.push({
      severity: "error",
      code: "non-unique-release",
      path: `${base}[${g[0]}]`,
      message:
        `non-unique combination of ocid ${JSON.stringify(ocid)} and id ${JSON.stringify(id)}: ` +
        `${g.length} releases have it (${list(g.map((i) => `${base}[${i}]`))})` +
        (same ? ", all identical" : ", with different content"),
    });
  }
  return out;
}

/** Each ocid shared by several records of a record package. */
export function nonUniqueRecords(records: Json[], base = "$.records"): Issue[] {
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (!isObject(r) || typeof r.ocid !== "string") return;
    const g = groups.get(r.ocid);
    if (g) g.push(i);
    else groups.set(r.ocid, [i]);
  });
  const out: Issue[] = [];
  for (const [ocid, g] of groups) {
    if (g.length < 2) continue;
    out.push({
      severity: "error",
      code: "non-unique-record",
      path: `${base}[${g[0]}]`,
      message: `non-unique ocid ${JSON.stringify(ocid)}: ${g.length} records have it (${list(g.map((i) => `${base}[${i}]`))})`,
    });
  }
  return out;
}

/**
 * The uniqueItems finding for one array, in full: one issue per group of identical items.
 * Groups already named by the (ocid, id) or ocid checks are left out (`covered`).
 */
export function identicalItems(
  items: Json[],
  path: string,
  covered: (i: number) => boolean = () => false,
): Issue[] {
  const out: Issue[] = [];
  for (const g of identicalGroups(items)) {
    if (g.every(covered)) continue;
    out.push({
      severity: "error",
      code: "schema-uniqueItems",
      path,
      message: `expected unique items; items ${list(g.map(String))} are the same`,
    });
  }
  return out;
}
