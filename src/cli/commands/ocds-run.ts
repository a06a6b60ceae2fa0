/**
 * What `nous ocds validate` and `nous ocds compile` do, loaded only when one of them runs (the
 * declarations in ocds.ts stay cheap, so `nous --version` loads neither the schemas nor Ajv).
 */
import { existsSync, statSync } from "node:fs";
import { compileStream } from "../../io/ocds-compile.ts";
import { readDocuments } from "../../io/ocds-json.ts";
import { type GivenReadOptions, readSettingsOf } from "../../io/ocds-read-options.ts";
import { loadCodelists, loadExtensionPatches } from "../../io/ocds-schema.ts";
import { deriveRules, extendSchema, releaseRules, schemas, type SchemaRules } from "../../ocds/schema.ts";
import type { Issue } from "../../ocds/types.ts";
import { isObject } from "../../ocds/types.ts";
import { createValidator, type SchemaChoice, type Validator } from "../../ocds/validate.ts";
import type { VersionVerdict } from "../../ocds/version.ts";
import { InputError, formatLocation } from "../../shared/errors.ts";
import { createProgress } from "../progress.ts";

function checkInput(file: string): void {
  if (file !== "-" && !existsSync(file)) throw new InputError("no such file", { location: { file } });
}

export function formatIssue(i: Issue): string {
  const loc = formatLocation({ file: i.file, line: i.line, path: i.path });
  return `${loc ? `${loc}: ` : ""}${i.severity}: ${i.message}`;
}

/** Validators and merge rules per set of declared extensions, built once each. */
function extensionCache(dir: string | undefined, report: (i: Issue) => void) {
  const validators = new Map<string, Validator>();
  const rules = new Map<string, SchemaRules>();
  const codelists = loadCodelists();
  const patchesFor = (urls: string[]) => {
    const { patches, warnings } = loadExtensionPatches(urls, dir);
    for (const w of warnings) report(w);
    return patches;
  };
  return {
    validator(urls: string[]): Validator {
      const key = urls.join("\n");
      let v = validators.get(key);
      if (!v) {
        v = createValidator({ codelists, extensionPatches: urls.length ? patchesFor(urls) : [] });
        validators.set(key, v);
      }
      return v;
    },
    rules(urls: string[]): SchemaRules {
      const key = urls.join("\n");
      let r = rules.get(key);
      if (!r) {
        const patches = urls.length ? patchesFor(urls) : [];
        r = patches.length ? deriveRules(extendSchema(schemas.release, patches)) : releaseRules();
        rules.set(key, r);
      }
      return r;
    },
  };
}

/** A closed pipe (`| head`) ends output quietly instead of with a stack trace. */
function quietEpipe(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** `--ocds-version 1.0|1.1`: judge every document by that version instead of detecting it. */
function givenVersion(v: string | undefined): VersionVerdict | undefined {
  if (v === undefined) return undefined;
  if (v !== "1.0" && v !== "1.1") {
    throw new InputError(`expected 1.0 or 1.1, got "${v}"`, { location: { path: "--ocds-version" } });
  }
  return { version: v, reason: `--ocds-version ${v} was given` };
}

export async function validate(
  files: string[],
  o: { extensionsDir?: string; warnings: boolean; json?: boolean; ocdsVersion?: string } & GivenReadOptions,
): Promise<void> {
  const read = readSettingsOf(o);
  quietEpipe();
  const given = givenVersion(o.ocdsVersion);
  let errors = 0;
  let warnings = 0;
  let documents = 0;
  // A finding as --json writes it: always the same keys, in the same order; `schema` and
  // `schemaReason` say which OCDS schema judged the document and why (null for unreadable input).
  const findingJson = (i: Issue, s: SchemaChoice | null) => ({
    file: i.file ?? null,
    line: i.line ?? null,
    path: i.path,
    severity: i.severity,
    code: i.code,
    message: i.message,
    schema: s?.schema ?? null,
    schemaReason: s?.reason ?? null,
  });
  const print = (i: Issue, s: SchemaChoice | null = null) => {
    if (i.severity === "error") errors++;
    else warnings++;
    if (i.severity !== "error" && !o.warnings) return;
    process.stdout.write(o.json ? `${JSON.stringify(findingJson(i, s))}\n` : `${formatIssue(i)}\n`);
  };
  for (const f of files) checkInput(f);
  const total = files.reduce((n, f) => n + (f === "-" ? 0 : statSync(f).size), 0);
  const progress = createProgress("validate", total, { quiet: files.includes("-") || total < 32 << 20 });
  let before = 0;
  for (const file of files) {
    checkInput(file);
    let current = { file, line: 0 };
    const cache = extensionCache(o.extensionsDir, (i) =>
      print({ ...i, file, line: current.line || undefined }),
    );
    // Which schema judged the file's documents and why, on stderr once per distinct choice.
    const noted = new Set<string>();
    try {
      for await (const doc of readDocuments(file, { read })) {
        documents++;
        current = { file, line: doc.text === undefined ? 0 : doc.line };
        const ext =
          isObject(doc.value) && Array.isArray(doc.value.extensions)
            ? doc.value.extensions.filter((x): x is string => typeof x === "string")
            : [];
        const { schema, issues } = cache.validator(ext).validateAsPublished(doc.value, given);
        const note = `validated against OCDS ${schema.schema}: ${schema.reason}`;
        if (!noted.has(note)) {
          noted.add(note);
          process.stderr.write(
            `nous: ${formatLocation({ file, line: current.line || undefined })}: ${note}\n`,
          );
        }
        for (const i of issues) {
          print({ ...i, file, line: doc.text === undefined ? undefined : doc.line }, schema);
        }
        if ((documents & 1023) === 0) progress.update(before + doc.offset + doc.bytes);
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      if (o.json) {
        print({
          severity: "error",
          code: "input",
          message: e.message,
          path: e.location?.path ?? "$",
          file: e.location?.file ?? file,
          ...(e.location?.line === undefined ? {} : { line: e.location.line }),
        });
      } else {
        errors++;
        process.stdout.write(`${formatLocation(e.location)}: error: ${e.message}\n`);
      }
    }
    if (file !== "-") before += statSync(file).size;
  }
  progress.stop();
  process.stderr.write(
    `${documents} document(s) checked: ${errors} error(s), ${warnings} warning(s)${errors ? "" : " - valid"}\n`,
  );
  if (errors > 0) process.exitCode = 1;
}

export async function compile(
  files: string[],
  o: {
    package?: boolean;
    versioned?: boolean;
    linkedReleases?: boolean;
    uri?: string;
    publishedDate?: string;
    extensionsDir?: string;
    memoryMb: string;
    workers?: string;
    quiet?: boolean;
  } & GivenReadOptions,
): Promise<void> {
  const read = readSettingsOf(o);
  quietEpipe();
  const inputs = files.length ? files : ["-"];
  for (const f of inputs) checkInput(f);
  const mb = Number(o.memoryMb);
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new InputError(`expected a positive number of MiB, got "${o.memoryMb}"`, {
      location: { path: "--memory-mb" },
    });
  }
  const workers = o.workers === undefined ? undefined : Number(o.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
    throw new InputError(`expected a whole number of worker threads, got "${o.workers}"`, {
      location: { path: "--workers" },
    });
  }
  const report = (i: Issue) => {
    if (!o.quiet) process.stderr.write(`nous: ${formatIssue(i)}\n`);
  };
  const cache = extensionCache(o.extensionsDir, report);
  const total = inputs.reduce((n, f) => n + (f === "-" ? 0 : statSync(f).size), 0);
  const progress = createProgress("compile", total, {
    quiet: o.quiet || inputs.includes("-") || total < 32 << 20,
  });
  // A record package needs a uri and a publication date: now, and a URN naming it, unless given.
  const publishedDate = o.publishedDate ?? new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const uri = o.uri ?? `urn:nous:record-package:${publishedDate}`;
  const result = await compileStream(inputs, process.stdout, {
    package: o.package,
    versioned: o.versioned,
    linkedReleases: o.linkedReleases,
    uri,
    publishedDate,
    memoryBudget: mb * 1024 * 1024,
    ...(workers === undefined ? {} : { workers }),
    rulesFor: (ext) => cache.rules(ext),
    onWarning: report,
    onVersion: (message) => {
      if (!o.quiet) process.stderr.write(`nous: ${message}\n`);
    },
    onProgress: (done, t) => progress.update(Math.min(done, t), t),
    read,
  });
  progress.stop();
  if (!o.quiet) {
    process.stderr.write(
      `compiled ${result.releases} release(s) into ${result.ocids} record(s)` +
        (result.workers > 0 ? ` with ${result.workers} worker threads` : "") +
        (result.warnings ? `, ${result.warnings} warning(s)` : "") +
        "\n",
    );
  }
}
