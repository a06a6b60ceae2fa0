/**
 * `nous ocds upgrade [file...]`: OCDS 1.0 release packages, record packages, releases or records
 * (JSON or JSON Lines, files or stdin) written to stdout as 1.1, one JSON document per line.
 * Says on stderr which version each input was read as and why.
 */
import { existsSync } from "node:fs";
import { readDocuments } from "../../io/ocds-json.ts";
import { type GivenReadOptions, readSettingsOf } from "../../io/ocds-read-options.ts";
import type { Issue } from "../../ocds/types.ts";
import { upgrade } from "../../ocds/upgrade.ts";
import { InputError, formatLocation } from "../../shared/errors.ts";

function line(i: Issue, file: string, at: number | undefined): string {
  const loc = formatLocation({ file, line: at, path: i.path });
  return `nous: ${loc ? `${loc}: ` : ""}${i.severity}: ${i.message}\n`;
}

export async function upgradeCommand(
  files: string[],
  o: { quiet?: boolean } & GivenReadOptions,
): Promise<void> {
  const read = readSettingsOf(o);
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  const inputs = files.length ? files : ["-"];
  for (const f of inputs) {
    if (f !== "-" && !existsSync(f)) throw new InputError("no such file", { location: { file: f } });
  }
  let upgraded = 0;
  let unchanged = 0;
  for (const file of inputs) {
    const name = file === "-" ? "stdin" : file;
    const told = new Set<string>();
    for await (const doc of readDocuments(file, { read })) {
      const at = doc.text === undefined ? undefined : doc.line;
      const r = upgrade(doc.value);
      if (r.warnings.some((w) => w.severity === "error")) {
        for (const w of r.warnings) process.stderr.write(line(w, name, at));
        process.exitCode = 1;
        continue;
      }
      if (r.upgraded) upgraded++;
      else unchanged++;
      // One note per file and reason, not one per line of a JSON Lines file.
      const note = `${r.upgraded ? "upgraded from" : "left as"} OCDS ${r.verdict.version}: ${r.verdict.reason}`;
      if (!o.quiet && !told.has(note)) {
        told.add(note);
        process.stderr.write(`nous: ${name}: ${note}\n`);
      }
      if (!o.quiet) for (const w of r.warnings) process.stderr.write(line(w, name, at));
      process.stdout.write(`${JSON.stringify(r.value)}\n`);
    }
  }
  if (!o.quiet) {
    process.stderr.write(`${upgraded} document(s) upgraded to OCDS 1.1, ${unchanged} already 1.1\n`);
  }
}
