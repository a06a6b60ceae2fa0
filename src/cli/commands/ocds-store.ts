/**
 * `nous ocds import` and `nous ocds export`: OCDS releases into and out of the store. This file
 * only declares the commands; what they do (validate every document before anything is stored,
 * then store all releases in one transaction; write a release package) is in ocds-store-run.ts,
 * loaded when one of them runs.
 */
import type { Command } from "commander";
import { DB_HELP } from "../store.ts";

const run = () => import("./ocds-store-run.ts");

export function registerOcdsStore(program: Command): void {
  const ocds = program.commands.find((c) => c.name() === "ocds");
  if (!ocds) throw new Error("registerOcds must run before registerOcdsStore");

  ocds
    .command("import")
    .description(
      "Import releases into the store: release packages, single releases, or JSON Lines of either.\n" +
        "Every file is validated first; on any error nothing is stored (exit 1). Importing a release\n" +
        "already held changes nothing.",
    )
    .argument("<file...>", "files to import")
    .option("--db <url>", DB_HELP)
    .option(
      "--reason <text>",
      "why the releases are imported (kept in the audit trail)",
      "releases imported with nous ocds import",
    )
    .option("--quiet", "no progress output")
    .action(async (files: string[], o: { db?: string; reason: string; quiet?: boolean }) =>
      (await run()).importFiles(files, o),
    );

  ocds
    .command("export")
    .description("Write a release package (OCDS 1.1) of the releases nous holds")
    .option("--ocid <ocid>", "only this contracting process")
    .option("--since <date>", "only releases dated on or after this date (YYYY-MM-DD)")
    .option("--output <file>", "write here instead of stdout")
    .option("--uri <uri>", "the package's uri", "urn:nous:releases")
    .option("--publisher <name>", "the publisher's name", "nous")
    .option("--db <url>", DB_HELP)
    .action(async (o: Parameters<typeof import("./ocds-store-run.ts").exportReleases>[0]) =>
      (await run()).exportReleases(o),
    );
}
