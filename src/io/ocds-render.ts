/**
 * Turns groups of releases (raw JSON bytes or parsed releases, one group per ocid) into output
 * lines: compiled releases, versioned releases or records. Shared by the streaming compile on
 * its own thread and by its worker threads, so both give the same bytes.
 */
import { compileRelease, fieldOf, versionRelease } from "../ocds/merge.ts";
import { buildRecord, type SourcedRelease } from "../ocds/record.ts";
import type { SchemaRules } from "../ocds/schema.ts";
import { type Issue, isObject, type Json, type JsonObject } from "../ocds/types.ts";
import { detectVersion, type OcdsVersion } from "../ocds/version.ts";
import { InputError } from "../shared/errors.ts";
import { checkJsonDepth, valueTooDeep } from "../shared/json-depth.ts";
import { parseDepthChecked } from "./ocds-json.ts";

/**
 * A release in a render job: its own bytes or a byte range of the job's buffer (its depth checked
 * once it is parsed), its text (its depth already checked, or checked once it is parsed when
 * `checkParsed` is set), or a parsed release.
 */
export interface WireItem {
  buf?: Buffer;
  text?: string;
  /** The text's nesting is checked on its parsed value (valueTooDeep), not before it is parsed. */
  checkParsed?: boolean;
  start?: number;
  end?: number;
  release?: JsonObject;
  packageUri?: string;
  /** The OCDS version of the package the release came in; bare releases have none. */
  version?: OcdsVersion;
  file: string;
  line: number;
}

export interface RenderGroup {
  ocid: string;
  items: WireItem[];
}

export interface RenderSettings {
  /** The OCDS version of every release rendered (their packages'), when it is known for all. */
  version?: OcdsVersion;
  package?: boolean;
  versioned?: boolean;
  linkedReleases?: boolean;
  rules?: SchemaRules;
}

/** A parsed document that turned out not to belong to the group it was sent with. */
export interface Misplaced {
  value: Json;
  file: string;
  line: number;
  bytes: number;
}

export interface RenderedGroup {
  ocid: string;
  /** The output line (without newline), or null when no release of the group remained. */
  text: string | null;
  misplaced: Misplaced[];
  warnings: Issue[];
  /** The OCDS version the group was merged by. */
  version?: OcdsVersion;
}

export interface RenderFailure {
  message: string;
  location: InputError["location"];
}

export function isContainer(v: Json | undefined): boolean {
  return isObject(v) && (Array.isArray(v.releases) || Array.isArray(v.records));
}

export function renderGroups(
  groups: RenderGroup[],
  bytes: Buffer | null,
  settings: RenderSettings,
): RenderedGroup[] {
  const out: RenderedGroup[] = [];
  for (const g of groups) {
    const list: SourcedRelease[] = [];
    const misplaced: Misplaced[] = [];
    let version: OcdsVersion | undefined;
    for (const item of g.items) {
      version ??= item.version;
      if (item.release) {
        list.push(
          item.packageUri
            ? { release: item.release, packageUri: item.packageUri }
            : { release: item.release },
        );
        continue;
      }
      const value =
        item.text !== undefined
          ? parseText(item.text, item.checkParsed === true, item.file, item.line)
          : parseText(
              item.buf ? item.buf.toString("utf8") : bytes!.toString("utf8", item.start, item.end),
              true,
              item.file,
              item.line,
            );
      if (isObject(value) && fieldOf(value, "ocid") === g.ocid && !isContainer(value))
        list.push(item.packageUri ? { release: value, packageUri: item.packageUri } : { release: value });
      else {
        const size =
          item.text !== undefined
            ? Buffer.byteLength(item.text)
            : item.buf
              ? item.buf.length
              : item.end! - item.start!;
        misplaced.push({ value, file: item.file, line: item.line, bytes: size });
      }
    }
    const warnings: Issue[] = [];
    let text: string | null = null;
    // Releases from a package follow its version; an ocid's bare releases are read as a record
    // is: 1.1 when one of them has "parties" (src/ocds/version.ts).
    version ??= settings.version;
    if (list.length > 0 && version === undefined)
      version = detectVersion({ releases: list.map((x) => x.release) }, "record").version;
    const mergeOpts = settings.rules ? { rules: settings.rules, version } : { version };
    if (list.length > 0) {
      let value: JsonObject;
      if (settings.package) {
        value = buildRecord(
          list,
          { ...mergeOpts, versioned: settings.versioned, linkedReleases: settings.linkedReleases },
          warnings,
        );
      } else if (settings.versioned) {
        value = versionRelease(
          list.map((x) => x.release),
          mergeOpts,
          warnings,
        );
      } else {
        value = compileRelease(
          list.map((x) => x.release),
          { ...mergeOpts, consume: true },
          warnings,
        );
      }
      text = JSON.stringify(value);
    }
    out.push(
      version
        ? { ocid: g.ocid, text, misplaced, warnings, version }
        : { ocid: g.ocid, text, misplaced, warnings },
    );
  }
  return out;
}

/** A release's text parsed, its depth checked on the parsed value when it was not checked before. */
function parseText(text: string, checkParsed: boolean, file: string, line: number): Json {
  const value = parseDepthChecked(text, file, line);
  // Too deep: the walk over the text names the line and column.
  if (checkParsed && valueTooDeep(value)) checkJsonDepth(text, file, line);
  return value;
}

export function failureOf(e: unknown): RenderFailure | null {
  return e instanceof InputError ? { message: e.message, location: e.location } : null;
}
