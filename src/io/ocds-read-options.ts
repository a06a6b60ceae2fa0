/**
 * The two read options of every `nous ocds` command, named and meant as ocdskit's are:
 *
 * - `--encoding ENC`: the input's character encoding (default UTF-8). Other encodings are decoded
 *   with Node's TextDecoder (labels of the WHATWG Encoding Standard, so `latin-1` and
 *   `iso-8859-1` read as windows-1252, as browsers read them) and read on as UTF-8.
 * - `--root-path PATH`: the dot-separated path to the items to process in each JSON value read,
 *   as an ijson prefix: `releases.item` for each release of a package, `item` for each value of a
 *   top-level array; an array found at the path gives each of its values. Values with nothing at
 *   the path give nothing; an input in which nothing is found is refused.
 *
 * Each command parses them once (readSettingsOf) into a ReadSettings value and passes it to every
 * read it makes (src/io/ocds-read.ts applies it to every input), so each command (and compile's
 * second read) sees the same items. Nothing is kept between calls: several commands run in one
 * process (tests, an embedding program) each read with their own options only.
 */
import { isObject, type Json } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";

/** The options as given on the command line (commander's parsed `--encoding`, `--root-path`). */
export interface GivenReadOptions {
  encoding?: string;
  rootPath?: string;
}

/** The options resolved: the TextDecoder label (null for UTF-8) and the root path's segments (null for none). */
export interface ReadSettings {
  readonly encoding: string | null;
  readonly rootPath: readonly string[] | null;
}

/** No read options: UTF-8, every value read as it is. */
export const NO_READ_OPTIONS: ReadSettings = Object.freeze({ encoding: null, rootPath: null });

/** The settings the options give; refuses an encoding TextDecoder does not know. */
export function readSettingsOf(given: GivenReadOptions): ReadSettings {
  let encoding: string | null = null;
  let rootPath: readonly string[] | null = null;
  if (given.encoding !== undefined) {
    const label = encodingLabel(given.encoding);
    if (label === null) {
      throw new InputError(
        `unknown encoding "${given.encoding}" (give a label such as utf-8, latin-1, utf-16le)`,
        {
          location: { path: "--encoding" },
        },
      );
    }
    if (new TextDecoder(label).encoding !== "utf-8") encoding = label;
  }
  if (given.rootPath !== undefined && given.rootPath !== "") {
    rootPath = Object.freeze(given.rootPath.split("."));
  }
  if (encoding === null && rootPath === null) return NO_READ_OPTIONS;
  return Object.freeze({ encoding, rootPath });
}

/**
 * The TextDecoder label for an encoding name: as given, or with Python's spellings mended
 * (`latin-1` is `latin1`, `utf_8` is `utf-8`); null when TextDecoder knows none of them.
 */
function encodingLabel(name: string): string | null {
  for (const label of [name, name.replaceAll("_", "-"), name.replaceAll(/[-_]/g, "")]) {
    try {
      new TextDecoder(label);
      return label;
    } catch {
      // Not a label: try the next spelling.
    }
  }
  return null;
}

/** True when an option changes what is read (the files cannot then be read raw, as the threads do). */
export function active(settings: ReadSettings): boolean {
  return settings.encoding !== null || settings.rootPath !== null;
}

/** The root path given, for messages. */
export function rootPathText(settings: ReadSettings): string {
  return settings.rootPath?.join(".") ?? "";
}

/** Chunks of input in the encoding given, as UTF-8 (unchanged when the encoding is UTF-8). */
export async function* decodeChunks(
  chunks: AsyncIterable<Buffer>,
  settings: ReadSettings,
): AsyncGenerator<Buffer> {
  if (settings.encoding === null) {
    yield* chunks;
    return;
  }
  const decoder = new TextDecoder(settings.encoding);
  for await (const c of chunks) {
    const s = decoder.decode(c, { stream: true });
    if (s !== "") yield Buffer.from(s, "utf8");
  }
  const last = decoder.decode();
  if (last !== "") yield Buffer.from(last, "utf8");
}

/**
 * The values at `segs` (from `from`) in `value`: "item" steps into each value of an array (or
 * into a key named "item"), other segments into the key of that name; an array at the end gives
 * each of its values.
 */
export function* valuesAt(value: Json, segs: string[], from = 0): Generator<Json> {
  if (from === segs.length) {
    if (Array.isArray(value)) yield* value;
    else yield value;
    return;
  }
  const seg = segs[from]!;
  if (seg === "item" && Array.isArray(value)) {
    for (const x of value) yield* valuesAt(x, segs, from + 1);
    return;
  }
  if (isObject(value) && Object.hasOwn(value, seg)) yield* valuesAt(value[seg]!, segs, from + 1);
}
