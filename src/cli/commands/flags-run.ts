/**
 * What `nous flags ...` does, loaded only when one of those commands runs (the declarations in
 * flags.ts stay cheap, so `nous --version` does not load the indicators).
 */
import { createWriteStream, existsSync, readFileSync, writeFileSync, type WriteStream } from "node:fs";
import { coverageJson } from "../../flags/coverage.ts";
import { cardinalJson, indicatorMetadata } from "../../flags/engine.ts";
import { issueCsvRow, prepareRelease } from "../../flags/prepare.ts";
import { emptySettings, parseSettings, type Settings } from "../../flags/settings.ts";
import { DEFAULT_SETTINGS_INI } from "../../flags/default-settings.ts";
import { forEachLine } from "../../io/flags-lines.ts";
import { foldCoverage, foldIndicators } from "../../io/flags-parallel.ts";
import { InputError } from "../../shared/errors.ts";
import { createProgress } from "../progress.ts";

function loadSettings(path: string | undefined): Settings {
  if (!path) return emptySettings();
  return parseSettings(readFileSync(path, "utf8"), path);
}

function checkInput(file: string): void {
  if (file !== "-" && !existsSync(file)) throw new InputError("no such file", { location: { file } });
}

const today = (): string => new Date().toISOString().slice(0, 10);

function warn(file: string) {
  return (line: number, message: string) =>
    process.stderr.write(`nous: ${file}:${line}: not valid JSON, skipped: ${message}\n`);
}

function writeOut(stream: WriteStream | NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

export async function indicators(file: string, o: Record<string, unknown>): Promise<void> {
  const settings = loadSettings(o.settings as string | undefined);
  checkInput(file);
  const day = (o.today as string | undefined) ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new InputError(`--today: expected YYYY-MM-DD, got ${day}`);
  const progress = createProgress("indicators (bytes)", 0);
  const { engine, acc } = await foldIndicators(
    file,
    settings,
    { today: day, map: Boolean(o.map) },
    {
      workers: o.workers as number | undefined,
      onProgress: (d, t) => progress.update(d, t),
      onWarning: warn(file),
    },
  );
  progress.stop();
  const result = engine.finalize(acc);
  if (o.count) {
    for (const [group, byId] of Object.entries(result.results)) {
      if (byId.size > 0) process.stderr.write(`${group}: ${byId.size}\n`);
    }
  }
  const text = cardinalJson(result, {
    meta: o.meta !== false,
    map: Boolean(o.map),
    explain: Boolean(o.explain),
  });
  await writeOut(process.stdout, `${text}\n`);
}

export async function prepare(
  file: string,
  o: { settings?: string; output: string; errors: string },
): Promise<void> {
  const settings = loadSettings(o.settings);
  checkInput(file);
  const out = o.output === "-" ? process.stdout : createWriteStream(o.output);
  const errs = o.errors === "-" ? process.stdout : o.errors === o.output ? out : createWriteStream(o.errors);
  let outBuf = "";
  let errBuf = "";
  const flush = async () => {
    if (outBuf) await writeOut(out, outBuf);
    if (errBuf) await writeOut(errs, errBuf);
    outBuf = "";
    errBuf = "";
  };
  const pending: Promise<void>[] = [];
  await forEachLine({ file }, (line, lineNo) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      warn(file)(lineNo, (err as Error).message);
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      process.stderr.write(`nous: ${file}:${lineNo}: not a JSON object, skipped\n`);
      return;
    }
    const r = prepareRelease(value, settings, lineNo);
    for (const w of r.warnings) process.stderr.write(`nous: ${file}: ${w}\n`);
    outBuf += `${JSON.stringify(r.release)}\n`;
    for (const i of r.issues) errBuf += `${issueCsvRow(i)}\n`;
    if (outBuf.length > 1 << 20) pending.push(flush());
  });
  await Promise.all(pending);
  await flush();
  for (const s of new Set([out, errs]))
    if (s !== process.stdout) await new Promise((r) => (s as WriteStream).end(r));
}

export async function coverage(file: string, o: { workers?: number }): Promise<void> {
  checkInput(file);
  const progress = createProgress("coverage (bytes)", 0);
  const counts = await foldCoverage(file, {
    workers: o.workers,
    onProgress: (d, t) => progress.update(d, t),
    onWarning: warn(file),
  });
  progress.stop();
  await writeOut(process.stdout, `${coverageJson(counts)}\n`);
}

export function init(file: string, o: { force?: boolean }): void {
  if (file === "-") {
    process.stdout.write(DEFAULT_SETTINGS_INI);
    return;
  }
  if (existsSync(file) && !o.force) {
    throw new InputError("file exists; use --force to overwrite", { location: { file } });
  }
  writeFileSync(file, DEFAULT_SETTINGS_INI);
  process.stdout.write(`Settings written to "${file}".\n`);
}

export function list(): void {
  process.stdout.write(`${JSON.stringify(indicatorMetadata(), null, 2)}\n`);
}
