/**
 * Files the OCDS engine needs from disk: the codelist CSVs shipped in schema/ocds/1.1.5/codelists
 * and extension release-schema patches from a local directory.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Issue, JsonObject } from "../ocds/types.ts";
import { isObject } from "../ocds/types.ts";
import { parseJson } from "./ocds-json.ts";
import { packagePath } from "./runtime-paths.ts";

export const SCHEMA_DIR = packagePath("schema/ocds/1.1.5/");

/** Rows of an RFC 4180 CSV text (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The `Code` column of a codelist CSV. */
export function parseCodelistCsv(text: string): string[] {
  const rows = parseCsv(text);
  const col = rows[0]?.indexOf("Code") ?? -1;
  if (col < 0) return [];
  return rows
    .slice(1)
    .map((r) => r[col] ?? "")
    .filter((c) => c !== "");
}

let cached: Record<string, string[]> | null = null;
export function loadCodelists(dir = join(SCHEMA_DIR, "codelists")): Record<string, string[]> {
  if (cached && dir === join(SCHEMA_DIR, "codelists")) return cached;
  const out: Record<string, string[]> = {};
  for (const f of readdirSync(dir)) {
    if (f.endsWith(".csv")) out[f] = parseCodelistCsv(readFileSync(join(dir, f), "utf8"));
  }
  if (dir === join(SCHEMA_DIR, "codelists")) cached = out;
  return out;
}

/**
 * Local directory names an extension URL may be stored under: the repository name
 * (`ocds_lots_extension`) or the last path segment before extension.json.
 */
export function extensionDirNames(url: string): string[] {
  const names: string[] = [];
  const m = /\/(ocds_[A-Za-z0-9_]+_extension)\b/.exec(url);
  if (m) names.push(m[1]!);
  const parts = url
    .replace(/\/extension\.json$/, "")
    .split("/")
    .filter(Boolean);
  for (const p of parts.slice(-3).reverse()) if (!names.includes(p)) names.push(p);
  return names;
}

/** Release-schema patches for the extensions found under `dir`; a warning for each one missing. */
export function loadExtensionPatches(
  urls: string[],
  dir: string | undefined,
): { patches: JsonObject[]; warnings: Issue[] } {
  const patches: JsonObject[] = [];
  const warnings: Issue[] = [];
  urls.forEach((url, i) => {
    const candidates = dir ? extensionDirNames(url).map((n) => join(dir, n, "release-schema.json")) : [];
    const found = candidates.find((c) => existsSync(c));
    if (!found) {
      warnings.push({
        severity: "warning",
        code: "extension-unavailable",
        path: `$.extensions[${i}]`,
        message: `extension ${url} is not available locally${dir ? ` under ${dir}` : " (no --extensions-dir given)"}; its fields are merged and validated as unknown fields`,
      });
      return;
    }
    const patch = parseJson(readFileSync(found, "utf8"), found);
    if (isObject(patch)) patches.push(patch);
  });
  return { patches, warnings };
}
