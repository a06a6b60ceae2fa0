/**
 * `nous ocds ...` commands: a thin adapter over the engine in src/ocds/. This file only declares
 * the commands; what each does is in ocds-run.ts, loaded when one of them runs.
 */
import type { Command } from "commander";
import { registerOcdsKit } from "./ocds-kit.ts";

const run = () => import("./ocds-run.ts");
/** The options `compile` takes, declared once where it is defined (a type import loads nothing). */
type CompileOptions = Parameters<typeof import("./ocds-run.ts").compile>[1];

export function registerOcds(program: Command): void {
  const ocds = program
    .command("ocds")
    .description("Open Contracting Data Standard 1.1.5: validate and compile releases into records");

  ocds
    .command("validate")
    .description(
      "Validate release packages, record packages, records or releases (JSON or JSON Lines) against the schema\n" +
        "of the OCDS version each follows (1.1: 1.1.5, 1.0: 1.0.3; detected as compile does, said on stderr);\n" +
        "exit 1 when any error is found. Values outside open codelists are warnings.",
    )
    .argument("<file...>", "files to validate (- for stdin)")
    .option(
      "--extensions-dir <dir>",
      "directory holding extensions (each in a folder named after its repository)",
    )
    .option("--no-warnings", "print errors only")
    .option(
      "--json",
      "one JSON object per finding (file, line, path, severity, code, message, schema, schemaReason), one per line",
    )
    .option("--ocds-version <version>", "validate as OCDS 1.0 or 1.1 instead of detecting the version")
    .action(async (files: string[], o: Parameters<typeof import("./ocds-run.ts").validate>[1]) =>
      (await run()).validate(files, o),
    );

  ocds
    .command("upgrade")
    .description(
      "Upgrade OCDS 1.0 release packages, record packages, releases or records (JSON or JSON Lines) to 1.1:\n" +
        "organisations become parties referenced by id; one JSON document per line on stdout.",
    )
    .argument("[file...]", "input files (default or -: stdin)")
    .option("--quiet", "no notes or warnings on stderr")
    .action(
      async (files: string[], o: Parameters<typeof import("./ocds-upgrade-run.ts").upgradeCommand>[1]) =>
        (await import("./ocds-upgrade-run.ts")).upgradeCommand(files, o),
    );

  ocds
    .command("compile")
    .description(
      "Merge releases into compiled releases by ocid, one per line (or a record package with --package).\n" +
        "Reads release packages or releases, as JSON or JSON Lines, from files or stdin.",
    )
    .argument("[file...]", "input files (default or -: stdin)")
    .option("--package", "write a record package")
    .option("--versioned", "add versioned releases to records (with --package), or write versioned releases")
    .option("--linked-releases", "link releases by package URI in records instead of embedding them")
    .option("--uri <uri>", "record package uri")
    .option("--published-date <date>", "record package publishedDate")
    .option("--extensions-dir <dir>", "directory holding extensions declared by the packages")
    .option("--memory-mb <n>", "MiB of input held in memory before older groups are written out", "64")
    .option(
      "--workers <n>",
      "worker threads for parsing and merging (0: none; default: by cores and input size)",
    )
    .option("--quiet", "no progress or warnings on stderr")
    .action(async (files: string[], o: CompileOptions) => (await run()).compile(files, o));

  registerOcdsKit(ocds);

  // ocdskit's read options, on every command that reads OCDS input (ocds-read-options.ts): each
  // command's run parses them from its own options and passes them to its reads.
  for (const c of ocds.commands) {
    if (!READERS.includes(c.name())) continue;
    c.option("--encoding <enc>", "the input's character encoding, e.g. latin-1 (default utf-8)").option(
      "--root-path <path>",
      "the dot-separated path to the items to process in each JSON value, e.g. releases.item, or item for a top-level array",
    );
  }
}

/** The commands that read OCDS input, which take --encoding and --root-path. */
const READERS = [
  "validate",
  "upgrade",
  "compile",
  "package-releases",
  "package-records",
  "combine-release-packages",
  "combine-record-packages",
  "split-release-packages",
  "split-record-packages",
  "detect-format",
  "echo",
];
