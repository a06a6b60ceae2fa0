/**
 * What the ocdskit-style commands do (declared in ocds-kit.ts): wrap releases or records in a
 * package, combine packages, split them, say what format a file is, and write JSON back out
 * reformatted. Input is read as `nous ocds compile` reads it (src/io/ocds-read.ts: packages,
 * arrays, JSON Lines, concatenated JSON, gzip, files or stdin); a large package's releases or
 * records are streamed one at a time, and combined packages are spilled to a temporary file, so
 * memory stays bounded by the largest single item.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseJson, parseUnit } from "../../io/ocds-json.ts";
import { readUnits, type Unit } from "../../io/ocds-read.ts";
import { type GivenReadOptions, type ReadSettings, readSettingsOf } from "../../io/ocds-read-options.ts";
import { Sink, streamWriter } from "../../io/ocds-sink.ts";
import { isObject, type Json, type JsonObject } from "../../ocds/types.ts";
import { formatLocation, InputError } from "../../shared/errors.ts";

export interface FormatOptions {
  pretty?: boolean;
  ascii?: boolean;
}

/** The options of a command that writes JSON back out: its format, and how its input is read. */
export interface EchoOptions extends FormatOptions, GivenReadOptions {}

export interface PackageOptions extends EchoOptions {
  uri?: string;
  publishedDate?: string;
  version?: string;
  publisherName?: string;
  publisherUri?: string;
  publisherScheme?: string;
  publisherUid?: string;
  fake?: boolean;
  extension?: string[];
  size?: string;
}

/** A value read: a document, an item of a streamed package's array, or a streamed package's fields. */
interface Read {
  value: Json;
  file: string;
  line: number;
  /** Set on the items of a streamed package's array. */
  item?: "releases" | "records";
  /** Set on a streamed package's fields (its array given empty). */
  meta?: boolean;
  /** The package a streamed item or meta belongs to (one object per package). */
  pkg?: object;
}

async function* values(files: string[], read: ReadSettings): AsyncGenerator<Read> {
  for (const file of files.length ? files : ["-"]) {
    for await (const units of readUnits(file, { read })) {
      for (const u of units) yield* valuesOf(u, file);
    }
  }
}

function* valuesOf(u: Unit, file: string): Generator<Read> {
  if (u.meta) {
    yield { value: u.meta, file, line: u.line, meta: true, pkg: u.pkg! };
    return;
  }
  if (u.item) {
    yield {
      value: parseJson(u.buf!.toString(), file, u.line),
      file,
      line: u.line,
      item: u.item,
      pkg: u.pkg!,
    };
    return;
  }
  for (const value of parseUnit(u, file)) yield { value, file, line: u.line };
}

/** JSON text as the options ask: compact or indented by two spaces, UTF-8 or ASCII escapes. */
export function stringify(value: Json, o: FormatOptions, indent = 0): string {
  let text = JSON.stringify(value, null, o.pretty ? 2 : undefined);
  if (o.pretty && indent > 0) text = text.replace(/\n/g, `\n${" ".repeat(indent)}`);
  return o.ascii ? toAscii(text) : text;
}

function toAscii(text: string): string {
  // Every UTF-16 code unit past ASCII, written as a \u escape (as ocdskit's --ascii does).
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function out(): Sink {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  return new Sink(streamWriter(process.stdout));
}

function warn(file: string, line: number, message: string): void {
  process.stderr.write(`nous: ${formatLocation({ file, line })}: warning: ${message}\n`);
}

/** The package fields the options set (uri, publisher, publishedDate, version); --fake fills the required ones. */
function packageHead(o: PackageOptions): { head: JsonObject; publisherSet: boolean } {
  const publisher: JsonObject = {};
  if (o.publisherName !== undefined) publisher.name = o.publisherName;
  if (o.publisherUri !== undefined) publisher.uri = o.publisherUri;
  if (o.publisherScheme !== undefined) publisher.scheme = o.publisherScheme;
  if (o.publisherUid !== undefined) publisher.uid = o.publisherUid;
  const publisherSet = Object.keys(publisher).length > 0;
  if (!("name" in publisher)) publisher.name = "";
  const head: JsonObject = {
    uri: o.uri ?? (o.fake ? "placeholder:" : ""),
    publisher,
    publishedDate: o.publishedDate ?? (o.fake ? "9999-01-01T00:00:00Z" : ""),
    version: o.version ?? "1.1",
  };
  return { head, publisherSet };
}

/** Writes one package: its fields, then its releases or records one at a time. */
class PackageWriter {
  private count = 0;
  constructor(
    private readonly sink: Sink,
    private readonly o: FormatOptions,
    private readonly key: "releases" | "records",
  ) {}

  async start(head: JsonObject): Promise<void> {
    const text = stringify({ ...head, [this.key]: [] }, this.o);
    // The head less its empty array and closing brace: `...,"releases":[`.
    const cut = text.lastIndexOf("[");
    await this.sink.add(text.slice(0, cut + 1));
    this.count = 0;
  }

  async item(value: Json): Promise<void> {
    await this.text(stringify(value, this.o, 4));
  }

  /** An item's JSON text, formatted already. */
  async text(text: string): Promise<void> {
    const sep = this.count++ > 0 ? "," : "";
    await this.sink.add(this.o.pretty ? `${sep}\n    ${text}` : `${sep}${text}`);
  }

  async end(): Promise<void> {
    await this.sink.add(this.o.pretty ? (this.count ? "\n  ]\n}\n" : "]\n}\n") : "]}\n");
  }
}

function sizeOf(s: string | undefined, what: string): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError(`expected a whole number of ${what} of at least 1, got "${s}"`, {
      location: { path: "size" },
    });
  }
  return n;
}

/** `package-releases` / `package-records`: every value read is one release (or record), wrapped in packages. */
export async function packageItems(
  key: "releases" | "records",
  files: string[],
  o: PackageOptions,
): Promise<void> {
  const read = readSettingsOf(o);
  const { head } = packageHead(o);
  if (o.extension?.length) head.extensions = o.extension;
  const size = sizeOf(o.size, key);
  const sink = out();
  const writer = new PackageWriter(sink, o, key);
  let inPackage = 0;
  let started = false;
  for await (const r of values(files, read)) {
    if (r.meta) continue;
    if (!isObject(r.value)) {
      warn(
        r.file,
        r.line,
        `expected a ${key === "releases" ? "release" : "record"} (a JSON object); skipped`,
      );
      continue;
    }
    if (!started || (size !== undefined && inPackage === size)) {
      if (started) await writer.end();
      await writer.start(head);
      started = true;
      inPackage = 0;
    }
    await writer.item(r.value);
    inPackage++;
  }
  if (!started) await writer.start(head);
  await writer.end();
  await sink.flush();
}

/**
 * `combine-release-packages` / `combine-record-packages`: one package of every package's
 * releases (records); the publisher is the last package's unless set, extensions (and, for
 * records, packages) are the union. Items go to a temporary file first, as the last package's
 * fields are known only at the end.
 */
export async function combinePackages(
  key: "releases" | "records",
  files: string[],
  o: PackageOptions,
): Promise<void> {
  const read = readSettingsOf(o);
  const { head, publisherSet } = packageHead(o);
  const extensions = new Set<string>();
  const packages = new Set<string>();
  const work = mkdtempSync(join(tmpdir(), "nous-ocds-combine-"));
  try {
    const spillPath = join(work, "items.jsonl");
    const fd = openSync(spillPath, "w");
    let items = 0;
    const seen = new Set<object>();
    const takeMeta = (pkg: JsonObject) => {
      if (!publisherSet && pkg.publisher !== undefined) head.publisher = pkg.publisher;
      if (Array.isArray(pkg.extensions))
        for (const e of pkg.extensions) if (typeof e === "string") extensions.add(e);
      if (key === "records" && Array.isArray(pkg.packages))
        for (const p of pkg.packages) if (typeof p === "string") packages.add(p);
    };
    const write = (v: Json) => {
      writeSync(fd, `${stringify(v, { ascii: o.ascii })}\n`);
      items++;
    };
    for await (const r of values(files, read)) {
      if (r.item) {
        if (r.item === key) write(r.value);
        continue;
      }
      if (!isObject(r.value)) {
        warn(r.file, r.line, `expected a ${key === "releases" ? "release" : "record"} package; skipped`);
        continue;
      }
      takeMeta(r.value);
      if (r.meta) {
        if (r.pkg) seen.add(r.pkg);
        continue;
      }
      const list = r.value[key];
      if (Array.isArray(list)) for (const v of list) write(v);
      else warn(r.file, r.line, `the package has no "${key}"; nothing taken from it`);
    }
    closeSync(fd);
    if (extensions.size) head.extensions = [...extensions];
    if (packages.size) head.packages = [...packages];
    const sink = out();
    const writer = new PackageWriter(sink, o, key);
    await writer.start(head);
    if (items > 0) {
      let carry = "";
      for await (const chunk of createReadStream(spillPath, { encoding: "utf8", highWaterMark: 1 << 20 })) {
        const lines = (carry + (chunk as string)).split("\n");
        carry = lines.pop()!;
        for (const line of lines) {
          if (!line) continue;
          if (o.pretty) await writer.item(JSON.parse(line) as Json);
          else await writer.text(line);
        }
      }
    }
    await writer.end();
    await sink.flush();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `split-release-packages N` / `split-record-packages N`: each package as packages of at most N items, one per line. */
export async function splitPackages(
  key: "releases" | "records",
  sizeText: string,
  files: string[],
  o: EchoOptions,
): Promise<void> {
  const read = readSettingsOf(o);
  const size = sizeOf(sizeText, key)!;
  const sink = out();
  const write = async (meta: JsonObject, chunk: Json[]) => {
    const pkg: JsonObject = {};
    for (const [k, v] of Object.entries(meta)) pkg[k] = k === key ? chunk : v;
    if (!(key in pkg)) pkg[key] = chunk;
    await sink.add(`${stringify(pkg, o)}\n`);
  };
  // A streamed package: its fields from before its array, its items gathered N at a time.
  let streamed: { pkg: object; meta: JsonObject; items: Json[] } | null = null;
  const flush = async () => {
    if (streamed?.items.length) await write(streamed.meta, streamed.items);
    if (streamed) streamed.items = [];
  };
  for await (const r of values(files, read)) {
    if (r.meta || r.item) {
      if (!streamed || streamed.pkg !== r.pkg) {
        await flush();
        streamed = { pkg: r.pkg!, meta: r.value as JsonObject, items: [] };
      }
      if (r.item === key) {
        streamed.items.push(r.value);
        if (streamed.items.length === size) await flush();
      }
      continue;
    }
    await flush();
    streamed = null;
    if (!isObject(r.value) || !Array.isArray(r.value[key])) {
      warn(r.file, r.line, `the package has no "${key}"; nothing taken from it`);
      continue;
    }
    const list = r.value[key] as Json[];
    for (let i = 0; i < list.length; i += size) await write(r.value, list.slice(i, i + size));
  }
  await flush();
  await sink.flush();
}

/** What one value is, by ocdskit's reading of it: `release package`, `record`, `compiled release`... */
export function formatOf(v: Json): string | null {
  if (!isObject(v)) return null;
  if ("records" in v) return "record package";
  if ("releases" in v) return "ocid" in v ? "record" : "release package";
  if (Array.isArray(v.tag)) return v.tag.includes("compiled") ? "compiled release" : "release";
  if ("ocid" in v) return "versioned release";
  return null;
}

/** `detect-format`: one line per file, `<file>: <format>`; an unknown file is a warning on stderr. */
export async function detectFormat(files: string[], o: GivenReadOptions = {}): Promise<void> {
  const read = readSettingsOf(o);
  for (const file of files) {
    let first: Json | undefined;
    let inArray = false;
    let concatenated = false;
    for await (const units of readUnits(file, { streamFrom: 1 << 20, read })) {
      for (const u of units) {
        if ((u.top ?? 0) > 0) concatenated = true;
        if (first === undefined) {
          inArray = u.inArray === true;
          first = u.meta ?? parseUnit(u, file)[0]!;
        }
      }
    }
    const what = first === undefined ? null : formatOf(first);
    if (what === null) {
      const kind = Array.isArray(first) ? "array" : first === null ? "null" : typeof first;
      process.stderr.write(
        `nous: ${file}: unknown (top-level JSON value is a non-OCDS ${inArray ? "array" : kind})\n`,
      );
      continue;
    }
    let text = inArray ? `a JSON array of ${what}s` : what;
    if (concatenated) text = `concatenated JSON, starting with ${text}`;
    process.stdout.write(`${file}: ${text}\n`);
  }
}

/** `echo`: every value read, written back one per line (or indented with --pretty), in UTF-8 or ASCII. */
export async function echo(files: string[], o: EchoOptions): Promise<void> {
  const read = readSettingsOf(o);
  const sink = out();
  for await (const r of valuesWhole(files, read)) await sink.add(`${stringify(r, o)}\n`);
  await sink.flush();
}

async function* valuesWhole(files: string[], read: ReadSettings): AsyncGenerator<Json> {
  for (const file of files.length ? files : ["-"]) {
    for await (const units of readUnits(file, { streamFrom: Number.POSITIVE_INFINITY, read })) {
      for (const u of units) yield* parseUnit(u, file);
    }
  }
}
