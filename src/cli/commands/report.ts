/**
 * `nous report scrutiny`: the committee's scrutiny report of the body, a service or a contract,
 * as one self-contained HTML file or a PDF. This file only declares the command; what it does is
 * in report-run.ts, loaded when it runs.
 */
import { type Command, Option } from "commander";
import { DB_HELP } from "../store.ts";

const run = () => import("./report-run.ts");

export interface ScrutinyCommandOptions {
  service?: string;
  contract?: string;
  format: "html" | "pdf";
  out: string;
  db?: string;
  linkBase?: string;
  today?: string;
}

export function registerReport(program: Command): void {
  const report = program.command("report").description("Reports from the stored data: the scrutiny report");
  report
    .command("scrutiny")
    .description(
      "The scrutiny report of the body (default), one service or one contract: pipeline, appraisals,\n" +
        "decisions out of order, accountability horizon, workforce, KPIs, savings, billing, red flags\n" +
        "and open questions, each figure linked to its record. HTML is one self-contained file; the PDF\n" +
        "is printed by Chromium (A4, running header, page numbers, a contents page).",
    )
    .option("--service <id>", "report on one service")
    .option("--contract <id>", "report on one contract")
    .addOption(new Option("--format <format>", "html or pdf").choices(["html", "pdf"]).default("html"))
    .requiredOption("--out <file>", "file to write the report to")
    .option("--link-base <url>", "the dashboard's address, put before each record's path in the links")
    .option("--today <date>", "the date the data is read (default: today in Europe/London)")
    .option("--db <url>", DB_HELP)
    .action(async (o: ScrutinyCommandOptions) => (await run()).scrutiny(o));
}
