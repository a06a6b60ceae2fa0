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
 * The command line sets them once for the run (setReadOptions); src/io/ocds-read.ts applies
 * them to every input, so each command (and compile's second read) sees the same items.
 */
import { isObject, type Json } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";

export interface ReadSettings {
  encoding?: string;
  rootPath?: string;
}

let encoding: string | null = null;
let rootPath: string[] | null = null;

/** Sets the options for the rest of the run; refuses an encoding TextDecoder does not know. */
export function setReadOptions(s: ReadSettings): void {
  encoding = null;
  rootPath = null;
  if (s.encoding !== undefined) {
    const label = encodingLabel(s.encoding);
    if (label === null) {
      throw new InputError(
        `unknown encoding "${s.encoding}" (give a label such as utf-8, latin-1, utf-16le)`,
        {
          location: { path: "--encoding" },
        },
      );
    }
    if (new TextDecoder(label).encoding !== "utf-8") encoding = label;
  }
  if (s.rootPath !== undefined && s.rootPath !== "") rootPath = s.rootPath.split(".");
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
export function readOptionsActive(): boolean {
  return encoding !== null || rootPath !== null;
}

/** The root path given, as its segments, or null. */
export function rootPathSegments(): string[] | null {
  return rootPath;
}

/** The path as given, for messages. */
export function rootPathText(): string {
  return rootPath?.join(".") ?? "";
}

/** Chunks of input in the encoding given, as UTF-8 (unchanged when the encoding is UTF-8). */
export async function* decodeChunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (encoding === null) {
    yield* chunks;
    return;
  }
  const decoder = new TextDecoder(encoding);
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
