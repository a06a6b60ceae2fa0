/**
 * What `nous ocds import` and `nous ocds export` do, loaded only when one of them runs.
 * Import reads release packages, single releases, or JSON Lines of either; validates every
 * document against OCDS 1.1.5 before anything is stored (src/app/ocds-import.ts, as the API does;
 * errors name file, line and JSON path); then stores all releases in one transaction, idempotently. Export writes a release package of
 * what nous holds.
 */

import { once } from "node:events";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { importReleaseBatch, ReleaseBatch } from "../../app/ocds-import.ts";
import { readDocuments } from "../../io/ocds-json.ts";
import { pathKey } from "../../ocds/types.ts";
import { formatLocation, InputError } from "../../shared/errors.ts";
import { listReleases } from "../../store/releases.ts";
import { createProgress } from "../progress.ts";
import { withStore } from "../store.ts";

/**
 * The line on which each wanted JSON path's value starts in a whole-file JSON text, so errors
 * in a release package name their line as well as their path. Only run when there are errors.
 */
export function linesOfPaths(text: string, wanted: Set<string>): Map<string, number> {
  const found = new Map<string, number>();
  let i = 0;
  let line = 1;
  const ws = () => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  };
  const str = (): string => {
    const start = i++;
    for (; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    if (wanted.has(path)) found.set(path, line);
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      while (i < text.length && text[i] !== "}") {
        const key = str();
        ws();
        i++; // the colon
        value(pathKey(path, key));
        ws();
        if (text[i] === ",") {
          i++;
          ws();
        }
      }
      i++;
    } else if (c === "[") {
      i++;
      ws();
      for (let n = 0; i < text.length && text[i] !== "]"; n++) {
        value(`${path}[${n}]`);
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      i++;
    } else if (c === '"') str();
    else while (i < text.length && !/[\s,\]}]/.test(text[i] ?? "")) i++;
  };
  value("$");
  return found;
}

interface Loaded {
  batch: ReleaseBatch;
  errors: string[];
}

/** Reads and validates every file (src/app/ocds-import.ts), naming file, line and path; nothing is stored here. */
async function loadReleases(files: string[], quiet: boolean): Promise<Loaded> {
  for (const f of files) if (!existsSync(f)) throw new InputError("no such file", { location: { file: f } });
  const out: Loaded = { batch: new ReleaseBatch(), errors: [] };
  const bar = createProgress("validating", files.length, { quiet });
  for (const [n, file] of files.entries()) {
    for await (const doc of readDocuments(file)) {
      const line = doc.text === undefined ? undefined : doc.line;
      const problems = out.batch.addDocument(doc.value);
      // A whole JSON file: find the line of each error's path in the text.
      const lines =
        problems.length && line === undefined
          ? linesOfPaths(readFileSync(file, "utf8"), new Set(problems.map((e) => e.path)))
          : null;
      for (const p of problems) {
        const at = line ?? lines?.get(p.path);
        out.errors.push(`${formatLocation({ file, line: at, path: p.path })}: ${p.message}`);
      }
    }
    bar.update(n + 1, files.length);
  }
  bar.stop();
  return out;
}

export async function importFiles(
  files: string[],
  o: { db?: string; reason: string; quiet?: boolean },
): Promise<void> {
  const quiet = o.quiet === true;
  const loaded = await loadReleases(files, quiet);
  if (loaded.errors.length) {
    for (const e of loaded.errors.slice(0, 100)) process.stderr.write(`nous: ${e}\n`);
    if (loaded.errors.length > 100)
      process.stderr.write(`nous: ... and ${loaded.errors.length - 100} more errors\n`);
    process.stderr.write(`nous: ${loaded.errors.length} error(s): nothing was imported\n`);
    process.exitCode = 1;
    return;
  }
  await withStore(o.db, async (store) => {
    const bar = createProgress("importing", loaded.batch.releases.length, { quiet });
    const s = await importReleaseBatch(store, loaded.batch, { username: "cli", reason: o.reason }, (d, t) =>
      bar.update(d, t),
    );
    bar.stop();
    process.stdout.write(
      `${s.received} releases from ${loaded.batch.documents} document(s): ${s.inserted} inserted, ${s.unchanged} unchanged\n`,
    );
  });
}

export async function exportReleases(o: {
  ocid?: string;
  since?: string;
  output?: string;
  uri: string;
  publisher: string;
  db?: string;
}): Promise<void> {
  if (o.since !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(o.since))
    throw new InputError(`expected a date YYYY-MM-DD, got "${o.since}"`, {
      location: { path: "--since" },
    });
  await withStore(o.db, async (store) => {
    const rows = await listReleases(store, {
      ...(o.ocid ? { ocid: o.ocid } : {}),
      ...(o.since ? { since: o.since } : {}),
    });
    const head = {
      uri: o.uri,
      publishedDate: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
      publisher: { name: o.publisher },
      version: "1.1",
    };
    if (!o.output) {
      // A closed pipe (`| head`) ends the output quietly.
      process.stdout.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
        throw e;
      });
    }
    const out = o.output ? createWriteStream(o.output, { encoding: "utf8" }) : process.stdout;
    const write = async (s: string) => {
      if (!out.write(s)) await once(out, "drain");
    };
    await write(`${JSON.stringify(head).slice(0, -1)},"releases":[`);
    for (const [i, r] of rows.entries()) await write(`${i ? "," : ""}\n${r.data_json}`);
    await write("\n]}\n");
    if (o.output) {
      out.end();
      await once(out, "finish");
      process.stderr.write(`${rows.length} releases written to ${o.output}\n`);
    }
  });
}
