/**
 * Reading OCDS input as publishers and `cat` produce it, in bounded memory: a release or record
 * package, a JSON array (of releases, records or packages), JSON Lines, or JSON documents one
 * after another (concatenated JSON), plain or gzip (by the `.gz` extension or the magic bytes
 * 1f 8b), from a file or stdin.
 *
 * The input is cut into units without being parsed: one per JSON Lines line (found by the line
 * break alone, the fast path), one per document otherwise, found by a byte scanner that tracks
 * nesting outside strings. A document that grows past `streamFrom` bytes while inside its
 * `releases` or `records` array is streamed instead: each item of the array becomes a unit, and
 * the rest of the package (uri, publisher, extensions...) is given as `meta`, parsed with the
 * array left empty, once when the array starts and again when the package ends. So a package
 * larger than V8's longest string is read item by item, holding one item at a time.
 *
 * The scanner also refuses nesting deeper than MAX_JSON_DEPTH, naming the line and column.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import type { JsonObject } from "../ocds/types.ts";
import type { OcdsVersion } from "../ocds/version.ts";
import { InputError } from "../shared/errors.ts";
import { startsWithBom, UTF8_BOM_BYTES } from "./bom.ts";
import { MAX_JSON_DEPTH } from "../shared/json-depth.ts";
import { parseUnit } from "./ocds-json.ts";
import {
  decodeChunks,
  NO_READ_OPTIONS,
  type ReadSettings,
  rootPathText,
  valuesAt,
} from "./ocds-read-options.ts";

/** The package a streamed item belongs to; `uri` is set once it is known. */
export interface PackageRef {
  uri?: string;
  /** The package's OCDS version, once the reader's user has decided it. */
  version?: OcdsVersion;
}

export interface Unit {
  /** The unit's bytes (its own copy): a document, or one item of a streamed package's array. */
  buf?: Buffer;
  /** A streamed package without its array (the array given as `[]`). */
  meta?: JsonObject;
  /** On items: the array of the package the item is in. */
  item?: "releases" | "records";
  /** On items and meta: the package they belong to (the same object for one package). */
  pkg?: PackageRef;
  /** Line the unit starts on (1-based). */
  line: number;
  /** True when the unit is on one line (a JSON Lines line). */
  oneLine: boolean;
  /** False for a line taken whole by its line break: its nesting depth is not checked yet. */
  checked?: boolean;
  /** Offset just after the unit in the (decompressed) input. */
  end: number;
  /** Which top-level JSON value of the input the unit is (or is in), from 0: above 0 is concatenated JSON. */
  top?: number;
  /** True when the unit is an item of a top-level array. */
  inArray?: boolean;
}

export interface ReadOptions {
  /** Stream the releases or records of a package once it passes this many bytes (default 8 MiB). */
  streamFrom?: number;
  /** Called with every byte read from the source, before decompression (a copy of stdin). */
  tee?: (chunk: Buffer) => void;
  /** Name used in error locations (default: the path, or "-"). */
  name?: string;
  /** --encoding and --root-path, parsed by readSettingsOf (default: none). */
  read?: ReadSettings;
}

const CHUNK = 1 << 20;
/** A line longer than this is scanned byte by byte instead of waited for. */
const LINE_MAX = 16 << 20;

/** The bytes of a file or stdin, decompressed when gzip. */
export async function* inputChunks(
  file: string,
  tee?: (b: Buffer) => void,
  name = file,
): AsyncGenerator<Buffer> {
  const src: Readable = file === "-" ? process.stdin : createReadStream(file, { highWaterMark: CHUNK });
  const it = src[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const asBuf = (c: Buffer | string) => (typeof c === "string" ? Buffer.from(c) : c);
  const first = await it.next();
  if (first.done) return;
  const head = asBuf(first.value);
  tee?.(head);
  const rest = async function* () {
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      const c = asBuf(r.value);
      tee?.(c);
      yield c;
    }
  };
  const gz = file.endsWith(".gz") || (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b);
  if (!gz) {
    yield head;
    yield* rest();
    return;
  }
  const source = Readable.from(
    (async function* () {
      yield head;
      yield* rest();
    })(),
  );
  const gunzip = createGunzip({ chunkSize: 256 << 10 });
  const done = pipeline(source, gunzip).catch((e: unknown) => {
    throw notGzip(name, e);
  });
  done.catch(() => {});
  try {
    for await (const c of gunzip) yield c as Buffer;
  } catch (e) {
    throw notGzip(name, e);
  }
  await done;
}

function notGzip(file: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const why = e instanceof Error ? e.message : String(e);
  return new InputError(`cannot decompress the gzip input: ${why}`, {
    code: "malformed_json",
    location: { file },
  });
}

/** Key names whose arrays are streamed. */
const RELEASES = Buffer.from('"releases"');
const RECORDS = Buffer.from('"records"');

/**
 * Cuts a byte stream into units (see the module comment). Fed chunk by chunk; each call returns
 * the units completed by that chunk.
 */
export class Splitter {
  /** Bytes held (grown by doubling), `len` of them in use; `buf` is the view of those. */
  private store: Buffer = Buffer.alloc(0);
  private len = 0;
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** Absolute offset of buf[0]. */
  private base = 0;
  private line = 1;
  /** Absolute offset of the current line's first byte. */
  private lineStart = 0;
  private depth = 0;
  /** Depth at which documents start: 0, or 1 inside a top-level array. */
  private docDepth = 0;
  /** Start (index in buf) of the unit being scanned, or -1 between units. */
  private unitStart = -1;
  private unitLine = 1;
  private unitOneLine = true;
  /** The unit is a scalar (ends at the next delimiter at its depth). */
  private scalar = false;
  private inString = false;
  private stringStart = 0;
  /** Last string ended at key depth: which target key it named (or null). */
  private lastKey: "releases" | "records" | null = null;
  /** A target key and its colon were seen: the next value may be the array to stream. */
  private awaiting: "releases" | "records" | null = null;
  /** The target array of the current document, while inside it. */
  private arr: {
    key: "releases" | "records";
    /** Index in buf just after the `[`. */
    open: number;
    depth: number;
    /** Item boundaries in buf while not yet streaming. */
    items: number[];
    itemStart: number;
    itemLine: number;
  } | null = null;
  /** Set once the current document is streamed. */
  private streaming: { meta: Buffer[]; ref: PackageRef; metaFrom: number; line: number } | null = null;
  private out: Unit[] = [];
  /** Index of the current top-level value. */
  private top = -1;

  constructor(
    private readonly file: string,
    private readonly streamFrom = 8 << 20,
    /** Scan every byte, never taking a line whole by its line break. */
    private readonly noLines = false,
  ) {}

  /**
   * Skips bytes before the first byte fed (a byte order mark), so that units' offsets stay those
   * of the input and columns are counted from after it.
   */
  skip(n: number): void {
    this.base += n;
    this.lineStart += n;
  }

  feed(chunk: Buffer): Unit[] {
    this.append(chunk);
    this.scan(false);
    this.compact();
    const out = this.out;
    this.out = [];
    return out;
  }

  end(): Unit[] {
    this.scan(true);
    if (this.unitStart >= 0 || this.streaming) {
      if (this.streaming) {
        throw new InputError(
          `malformed JSON: the input ends before the package that starts on line ${this.streaming.line} is closed`,
          { code: "malformed_json", location: { file: this.file, line: this.line } },
        );
      }
      // An unfinished document: its own parse names what is wrong.
      this.emit(this.buf.length);
    }
    const out = this.out;
    this.out = [];
    return out;
  }

  private append(chunk: Buffer): void {
    const need = this.len + chunk.length;
    if (need > this.store.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.store.length * 2, 2 * CHUNK));
      this.store.copy(grown, 0, 0, this.len);
      this.store = grown;
    }
    chunk.copy(this.store, this.len);
    this.len = need;
    this.buf = this.store.subarray(0, this.len);
  }

  /** Drops bytes no longer needed, keeping the unit being scanned (or the string, or meta). */
  private compact(): void {
    let keep = this.pos;
    if (this.unitStart >= 0) keep = Math.min(keep, this.unitStart);
    if (this.inString) keep = Math.min(keep, this.stringStart);
    const s = this.streaming;
    if (s && s.metaFrom >= 0 && s.metaFrom < keep) {
      s.meta.push(Buffer.from(this.buf.subarray(s.metaFrom, keep)));
      s.metaFrom = keep;
    }
    if (keep <= 0) return;
    this.store.copyWithin(0, keep, this.len);
    this.len -= keep;
    this.buf = this.store.subarray(0, this.len);
    this.base += keep;
    this.pos -= keep;
    if (this.unitStart >= 0) this.unitStart -= keep;
    if (this.inString) this.stringStart -= keep;
    if (s && s.metaFrom >= 0) s.metaFrom -= keep;
    if (this.arr) {
      this.arr.open -= keep;
      if (this.arr.itemStart >= 0) this.arr.itemStart -= keep;
      for (let i = 0; i < this.arr.items.length; i += 3) {
        this.arr.items[i]! -= keep;
        this.arr.items[i + 1]! -= keep;
      }
    }
  }

  private fail(message: string, at: number): never {
    throw new InputError(message, {
      code: "malformed_json",
      location: { file: this.file, line: this.line, column: this.base + at - this.lineStart + 1 },
    });
  }

  private tooDeep(at: number): never {
    throw new InputError(
      `JSON nested more than ${MAX_JSON_DEPTH} levels deep; nous reads at most ${MAX_JSON_DEPTH}`,
      {
        code: "too_deep",
        location: { file: this.file, line: this.line, column: this.base + at - this.lineStart + 1 },
      },
    );
  }

  private emit(end: number, checked = true): void {
    const buf = Buffer.from(this.buf.subarray(this.unitStart, end));
    this.out.push({
      buf,
      line: this.unitLine,
      oneLine: this.unitOneLine,
      checked,
      end: this.base + end,
      top: this.top,
      inArray: this.docDepth > 0,
    });
    this.unitStart = -1;
    this.scalar = false;
  }

  private scan(last: boolean): void {
    const b = this.buf;
    const n = b.length;
    let i = this.pos;
    while (i < n) {
      if (this.inString) {
        // To the closing quote: one not preceded by an odd run of backslashes.
        const q = b.indexOf(34, i);
        if (q < 0) {
          i = n;
          break;
        }
        let k = q - 1;
        while (k >= this.stringStart && b[k] === 92) k--;
        i = q + 1;
        if ((q - 1 - k) % 2 === 1) continue;
        this.inString = false;
        if (this.unitStart >= 0 && this.scalar && this.depth === this.docDepth) {
          this.emit(i);
          continue;
        }
        if (this.depth === this.docDepth + 1 && !this.streamingInner()) {
          const len = i - this.stringStart;
          this.lastKey =
            len === RELEASES.length && b.compare(RELEASES, 0, len, this.stringStart, i) === 0
              ? "releases"
              : len === RECORDS.length && b.compare(RECORDS, 0, len, this.stringStart, i) === 0
                ? "records"
                : null;
        }
        continue;
      }
      const c = b[i]!;
      // Between units: skip white space; a JSON Lines line is taken whole by its line break.
      if (this.unitStart < 0 && this.depth === this.docDepth && !this.inArrayOfItems()) {
        if (c === 10) {
          this.line++;
          this.lineStart = this.base + i + 1;
          i++;
          continue;
        }
        if (c === 32 || c === 9 || c === 13 || (c === 44 && this.docDepth > 0)) {
          i++;
          continue;
        }
        if (c === 93 && this.docDepth > 0) {
          // The end of a top-level array of documents.
          this.depth--;
          this.docDepth = 0;
          i++;
          continue;
        }
        if (this.docDepth === 0) this.top++;
        if (this.docDepth === 0 && c === 91) {
          this.depth = 1;
          this.docDepth = 1;
          i++;
          continue;
        }
        if (this.docDepth === 0 && c === 123 && !this.noLines) {
          const nl = b.indexOf(10, i);
          if (nl >= 0 && nl - i <= LINE_MAX) {
            let e = nl;
            while (e > i && (b[e - 1] === 13 || b[e - 1] === 32 || b[e - 1] === 9)) e--;
            if (b[e - 1] === 125) {
              this.unitStart = i;
              this.unitLine = this.line;
              this.unitOneLine = true;
              this.emit(e, false);
              this.line++;
              this.lineStart = this.base + nl + 1;
              i = nl + 1;
              continue;
            }
          } else if (nl < 0 && !last && n - i <= LINE_MAX) {
            // Wait for the rest of the line (it is counted again then).
            this.top--;
            break;
          }
        }
        this.unitStart = i;
        this.unitLine = this.line;
        this.unitOneLine = true;
        this.scalar = c !== 123 && c !== 91;
        if (this.scalar) {
          if (c === 34) {
            this.inString = true;
            this.stringStart = i;
          } else if (c === 125 || c === 93)
            this.fail(`malformed JSON: unexpected "${String.fromCharCode(c)}"`, i);
          i++;
          continue;
        }
      }
      switch (c) {
        case 34:
          this.inString = true;
          this.stringStart = i;
          if (this.arr && this.depth === this.arr.depth && this.arr.itemStart < 0) this.itemBegins(i);
          break;
        case 123:
        case 91: {
          if (this.arr && this.depth === this.arr.depth && this.arr.itemStart < 0) this.itemBegins(i);
          this.depth++;
          if (this.depth > MAX_JSON_DEPTH) this.tooDeep(i);
          if (c === 91 && this.awaiting && this.depth === this.docDepth + 2 && this.unitStart >= 0) {
            this.arr = {
              key: this.awaiting,
              open: i + 1,
              depth: this.depth,
              items: [],
              itemStart: -1,
              itemLine: 0,
            };
          }
          this.awaiting = null;
          break;
        }
        case 125:
        case 93: {
          if (this.scalar && this.depth === this.docDepth && this.unitStart >= 0) {
            // A number, true, false or null ends at the bracket after it (`[1,2]`); the bracket
            // is then read again, between units, as the end of the array (or refused).
            this.emit(i);
            continue;
          }
          if (this.depth <= this.docDepth)
            this.fail(`malformed JSON: unexpected "${String.fromCharCode(c)}"`, i);
          if (this.arr && this.depth === this.arr.depth) {
            // The end of the target array.
            if (this.arr.itemStart >= 0) this.itemEnds(i);
            this.arrayEnds(i);
          }
          this.depth--;
          this.awaiting = null;
          if (this.arr && this.depth === this.arr.depth && this.arr.itemStart >= 0) this.itemEnds(i + 1);
          if (this.depth === this.docDepth) {
            if (this.streaming) this.packageEnds(i + 1);
            else if (this.unitStart >= 0) this.emit(i + 1);
          }
          break;
        }
        case 58:
          if (this.lastKey && this.depth === this.docDepth + 1) this.awaiting = this.lastKey;
          this.lastKey = null;
          break;
        case 44:
          this.lastKey = null;
          this.awaiting = null;
          if (this.arr && this.depth === this.arr.depth && this.arr.itemStart >= 0) this.itemEnds(i);
          if (this.scalar && this.depth === this.docDepth && this.unitStart >= 0) {
            this.emit(i);
            if (this.docDepth === 0) this.fail('malformed JSON: unexpected ","', i);
          }
          break;
        case 10:
          this.line++;
          this.lineStart = this.base + i + 1;
          if (this.scalar && this.depth === this.docDepth && this.unitStart >= 0) this.emit(i);
          this.unitOneLine = false;
          break;
        case 32:
        case 9:
        case 13:
          if (this.scalar && this.depth === this.docDepth && this.unitStart >= 0) this.emit(i);
          break;
        default:
          if (this.arr && this.depth === this.arr.depth && this.arr.itemStart < 0) this.itemBegins(i);
          if (this.awaiting) this.awaiting = null;
      }
      i++;
      if (this.arr && !this.streaming && this.unitStart >= 0 && i - this.unitStart > this.streamFrom) {
        this.startStreaming();
      }
    }
    this.pos = i;
  }

  /** Inside a streamed array, strings at key depth are not the document's keys. */
  private streamingInner(): boolean {
    return this.arr !== null;
  }

  private inArrayOfItems(): boolean {
    return this.streaming !== null;
  }

  private itemBegins(i: number): void {
    const a = this.arr!;
    a.itemStart = i;
    a.itemLine = this.line;
    if (this.streaming) this.unitStart = i;
  }

  private itemEnds(end: number): void {
    const a = this.arr!;
    // Scalars end at the comma or bracket: trim white space before it.
    let e = end;
    while (
      e > a.itemStart &&
      (this.buf[e - 1] === 32 || this.buf[e - 1] === 10 || this.buf[e - 1] === 13 || this.buf[e - 1] === 9)
    )
      e--;
    if (this.streaming) {
      this.out.push({
        buf: Buffer.from(this.buf.subarray(a.itemStart, e)),
        item: a.key,
        pkg: this.streaming.ref,
        line: a.itemLine,
        oneLine: false,
        end: this.base + e,
        top: this.top,
      });
      this.unitStart = -1;
    } else a.items.push(a.itemStart, e, a.itemLine);
    a.itemStart = -1;
  }

  /** The document is large: from here its array's items are units of their own. */
  private startStreaming(): void {
    const a = this.arr!;
    const ref: PackageRef = {};
    const head = Buffer.from(this.buf.subarray(this.unitStart, a.open));
    this.streaming = { meta: [head], ref, metaFrom: -1, line: this.unitLine };
    this.out.push(this.metaUnit(head, ref, this.base + a.open));
    for (let k = 0; k < a.items.length; k += 3) {
      this.out.push({
        buf: Buffer.from(this.buf.subarray(a.items[k]!, a.items[k + 1]!)),
        item: a.key,
        pkg: ref,
        line: a.items[k + 2]!,
        oneLine: false,
        end: this.base + a.items[k + 1]!,
        top: this.top,
      });
    }
    a.items = [];
    // Keep only the item being scanned.
    this.unitStart = a.itemStart >= 0 ? a.itemStart : -1;
  }

  private arrayEnds(i: number): void {
    if (this.streaming) {
      this.streaming.metaFrom = i;
      this.unitStart = -1;
    }
    this.arr = null;
  }

  private packageEnds(end: number): void {
    const s = this.streaming!;
    s.meta.push(Buffer.from(this.buf.subarray(s.metaFrom < 0 ? end : s.metaFrom, end)));
    this.out.push(this.metaUnit(Buffer.concat(s.meta), s.ref, this.base + end, true));
    this.streaming = null;
    this.unitStart = -1;
  }

  private metaUnit(bytes: Buffer, ref: PackageRef, end: number, closed = false): Unit {
    // At the array's start the text ends `...:[`; closed, the array's bytes were left out: `...:]...}`.
    const text = closed ? bytes.toString() : `${bytes.toString()}]}`;
    let meta: JsonObject;
    try {
      meta = JSON.parse(text) as JsonObject;
    } catch {
      throw new InputError("malformed JSON: the package's fields around its array are not valid JSON", {
        code: "malformed_json",
        location: { file: this.file, line: this.streaming?.line ?? this.line },
      });
    }
    if (typeof meta.uri === "string") ref.uri ??= meta.uri;
    return {
      meta,
      pkg: ref,
      line: this.streaming?.line ?? this.unitLine,
      oneLine: false,
      end,
      top: this.top,
      inArray: this.docDepth > 0,
    };
  }
}

/** The units of one input, one array per chunk read (after --encoding and --root-path, see ocds-read-options.ts). */
export async function* readUnits(file: string, opts: ReadOptions = {}): AsyncGenerator<Unit[]> {
  const name = opts.name ?? file;
  const splitter = new Splitter(name, opts.streamFrom);
  const read = opts.read ?? NO_READ_OPTIONS;
  const pick = read.rootPath === null ? null : new RootPathPicker(name, read);
  let any = false;
  let first = true;
  for await (let chunk of decodeChunks(inputChunks(file, opts.tee, name), read)) {
    if (first) {
      first = false;
      // A UTF-8 byte order mark, which some tools write: JSON readers may ignore it (RFC 8259,
      // section 8.1), and nous does.
      if (startsWithBom(chunk)) {
        chunk = chunk.subarray(UTF8_BOM_BYTES);
        splitter.skip(UTF8_BOM_BYTES);
      }
    }
    let units = splitter.feed(chunk);
    if (pick) units = pick.units(units);
    if (units.length) {
      any = true;
      yield units;
    }
  }
  let rest = splitter.end();
  if (pick) rest = pick.units(rest);
  if (rest.length) {
    any = true;
    yield rest;
  }
  if (!any && pick) {
    throw new InputError(`nothing found at --root-path ${rootPathText(read)}`, { location: { file: name } });
  }
  if (!any) {
    throw new InputError("malformed JSON: the input is empty", {
      code: "malformed_json",
      location: { file: name, line: 1, column: 1 },
    });
  }
}

/**
 * --root-path: each unit replaced by the values at the path, each a unit of its own (one line of
 * compact JSON, at the line its document starts on). A unit's own place counts: the items of a
 * top-level array are at `item`, those of a streamed package's array at `releases.item` or
 * `records.item`, and the rest of a streamed package (its meta) is left out.
 */
class RootPathPicker {
  private readonly segs: readonly string[];
  /** Whether each streamed package is an item of a top-level array (told by its meta unit). */
  private readonly inArray = new WeakMap<PackageRef, boolean>();
  constructor(
    private readonly file: string,
    /** Settings with a root path. */
    private readonly read: ReadSettings,
  ) {
    this.segs = read.rootPath!;
  }

  units(units: Unit[]): Unit[] {
    const out: Unit[] = [];
    for (const u of units) {
      if (u.meta) {
        if (u.pkg) this.inArray.set(u.pkg, u.inArray === true);
        continue;
      }
      const at: string[] = [];
      if (u.item ? this.inArray.get(u.pkg!) : u.inArray) at.push("item");
      if (u.item) at.push(u.item, "item");
      const rest = this.rest(at, u);
      if (rest === null) continue;
      for (const value of parseUnit(u, this.file)) {
        for (const v of valuesAt(value, rest)) {
          out.push({
            buf: Buffer.from(JSON.stringify(v)),
            line: u.line,
            oneLine: true,
            checked: true,
            end: u.end,
            top: u.top,
          });
        }
      }
    }
    return out;
  }

  /** The path left below the unit's own place, or null when the path does not lead through it. */
  private rest(at: string[], u: Unit): string[] | null {
    const segs = this.segs;
    for (let i = 0; i < at.length; i++) {
      if (i === segs.length) {
        // The path ends at a streamed package's array: its items are the array's values.
        if (u.item && i === at.length - 1) return [];
        break;
      }
      if (segs[i] !== at[i]) {
        if (u.item)
          throw new InputError(
            `--root-path ${rootPathText(this.read)} does not lead into the package's "${u.item}", and the package is too large to hold whole`,
            { location: { file: this.file, line: u.line } },
          );
        return null;
      }
    }
    if (segs.length < at.length) return null;
    return segs.slice(at.length);
  }
}
