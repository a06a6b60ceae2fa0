/**
 * `nous flags ...` commands: a thin adapter over the engine in src/flags/. This file only
 * declares the commands; what each does is in flags-run.ts, loaded when one of them runs.
 */
import type { Command } from "commander";

const run = () => import("./flags-run.ts");

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
    .action(async (file: string, o: Record<string, unknown>) => (await run()).indicators(file, o));

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
    .action(async (file: string, o: { settings?: string; output: string; errors: string }) =>
      (await run()).prepare(file, o),
    );

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
    .action(async (file: string, o: { workers?: number }) => (await run()).coverage(file, o));

  flags
    .command("init")
    .description("Write a default settings file that enables every indicator")
    .argument("<file>", 'path of the settings file to write ("-" for standard output)')
    .option("-f, --force", "overwrite the settings file if it exists")
    .action(async (file: string, o: { force?: boolean }) => (await run()).init(file, o));

  flags
    .command("list")
    .description("List the indicators: code, name, definition, why it is a risk, settings (JSON)")
    .action(async () => (await run()).list());
}
