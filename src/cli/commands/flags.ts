/** `nous flags ...` commands: a thin adapter over the engine in src/flags/. */
import { createWriteStream, existsSync, readFileSync, writeFileSync, type WriteStream } from "node:fs";
import type { Command } from "commander";
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

export function registerFlags(program: Command): void {
  const flags = program
    .command("flags")
    .description(
      "Procurement red flags (Cardinal-compatible indicators), data preparation and field coverage",
    );

  flags
    .command("indicators")
    .description(
      "Calculate procurement indicators from OCDS compiled releases in a JSON Lines file.\n\n" +
        'The result is a JSON object whose keys are "OCID", "Buyer", "ProcuringEntity" or "Tenderer";\n' +
        "each maps identifiers to the results of the indicators that flagged them. Unless --no-meta,\n" +
        'a "Meta" key has the quartiles and fences used. With --map, a "Maps" key maps contracting\n' +
        "processes to organizations. A flag is a lead for review, never a verdict.",
    )
    .argument("<file>", 'JSON Lines file of compiled releases, or "-" for standard input')
    .option("-s, --settings <settings>", "the settings file (INI); its [Rxxx] sections enable indicators")
    .option("-v, --verbose", "increase verbosity (accepted for compatibility)")
    .option("-c, --count", "print the number of results per group to standard error")
    .option("--no-meta", 'exclude the "Meta" key from the results object')
    .option("--map", 'include the "Maps" key, mapping contracting processes to organizations')
    .option("--explain", 'include a "Details" key: each flag with its values, threshold and comparison')
    .option("--today <date>", "the date R055's default period ends (YYYY-MM-DD; default: today)")
    .option("--workers <n>", "worker threads (default: all cores for files over 8 MB)", (v) =>
      Number.parseInt(v, 10),
    )
    .action(async (file: string, o: Record<string, unknown>) => {
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
    });

  flags
    .command("prepare")
    .description(
      "Correct quality issues within OCDS compiled releases in a JSON Lines file.\n\n" +
        "Corrected data is written as JSON Lines. Quality issues are written as CSV rows with the\n" +
        "columns: line, ocid, path, array indexes, incorrect value, error description.",
    )
    .argument("<file>", 'JSON Lines file of compiled releases, or "-" for standard input')
    .option("-s, --settings <settings>", "the settings file (INI)")
    .option("-v, --verbose", "increase verbosity (accepted for compatibility)")
    .requiredOption("-o, --output <output>", 'file to write corrected data to ("-" for standard output)')
    .requiredOption("-e, --errors <errors>", 'file to write quality issues to ("-" for standard output)')
    .action(async (file: string, o: { settings?: string; output: string; errors: string }) => {
      const settings = loadSettings(o.settings);
      checkInput(file);
      const out = o.output === "-" ? process.stdout : createWriteStream(o.output);
      const errs =
        o.errors === "-" ? process.stdout : o.errors === o.output ? out : createWriteStream(o.errors);
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
    });

  flags
    .command("coverage")
    .description(
      "Count the number of times each field is non-empty in a JSON Lines file.\n\n" +
        'Empty nodes are "", [], {} and null, and any nodes containing only empty nodes. The result is\n' +
        'a JSON object in which keys are paths and values are counts. The "" path is a line; a path\n' +
        "ending with / is an object; a path ending with [] is an array element; other paths are members.",
    )
    .argument("<file>", 'JSON Lines file, or "-" for standard input')
    .option("-v, --verbose", "increase verbosity (accepted for compatibility)")
    .option("--workers <n>", "worker threads (default: all cores for files over 8 MB)", (v) =>
      Number.parseInt(v, 10),
    )
    .action(async (file: string, o: { workers?: number }) => {
      checkInput(file);
      const progress = createProgress("coverage (bytes)", 0);
      const counts = await foldCoverage(file, {
        workers: o.workers,
        onProgress: (d, t) => progress.update(d, t),
        onWarning: warn(file),
      });
      progress.stop();
      await writeOut(process.stdout, `${coverageJson(counts)}\n`);
    });

  flags
    .command("init")
    .description("Write a default settings file that enables every indicator")
    .argument("<file>", 'path of the settings file to write ("-" for standard output)')
    .option("-f, --force", "overwrite the settings file if it exists")
    .action((file: string, o: { force?: boolean }) => {
      if (file === "-") {
        process.stdout.write(DEFAULT_SETTINGS_INI);
        return;
      }
      if (existsSync(file) && !o.force) {
        throw new InputError("file exists; use --force to overwrite", { location: { file } });
      }
      writeFileSync(file, DEFAULT_SETTINGS_INI);
      process.stdout.write(`Settings written to "${file}".\n`);
    });

  flags
    .command("list")
    .description("List the indicators: code, name, definition, why it is a risk, settings (JSON)")
    .action(() => {
      process.stdout.write(`${JSON.stringify(indicatorMetadata(), null, 2)}\n`);
    });
}
