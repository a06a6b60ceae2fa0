/**
 * `nous manage ...` commands: contract management from the command line and cron (the register
 * for finance, the deadlines for a shared calendar, what needs attention, KPI results from the
 * supplier's spreadsheet). A thin adapter over the use cases in src/app/manage-*.ts; this file
 * only declares the commands, what each does is in manage-run.ts, loaded when one of them runs.
 */
import type { Command } from "commander";
import { DB_HELP } from "../store.ts";
import type { DeadlinesOptions } from "./manage-run.ts";

const run = () => import("./manage-run.ts");

const TODAY_HELP = "the date to work from (YYYY-MM-DD; default: today in Europe/London)";

export function registerManage(program: Command): void {
  const manage = program
    .command("manage")
    .description("Manage contracts: the register, deadlines, attention, KPI results and scorecards");

  manage
    .command("register")
    .description("The contract register (owners, term, status, next deadline, rating) on stdout")
    .option("--published-only", "only the contracts published to the public")
    .option("--format <format>", "csv (money in pounds, with a BOM for Excel) or json", "csv")
    .option("--today <date>", TODAY_HELP)
    .option("--db <url>", DB_HELP)
    .action(async (o: { publishedOnly?: boolean; format: string; today?: string; db?: string }) =>
      (await run()).registerCmd(o),
    );

  manage
    .command("deadlines")
    .description(
      "Every contract's deadlines (notice dates, option decisions, break points, ends), earliest first.\n" +
        "--format ics writes the iCalendar feed the dashboard serves as nous-deadlines.ics.",
    )
    .option("--within <days>", "only the deadlines from today to this many days ahead (table, json)")
    .option("--published-only", "only the contracts published to the public")
    .option("--format <format>", "table, ics or json", "table")
    .option("--base-url <url>", "the dashboard's address, for each event's link (ics; default: no link)")
    .option("--today <date>", TODAY_HELP)
    .option("--db <url>", DB_HELP)
    .action(async (o: DeadlinesOptions) => (await run()).deadlines(o));

  manage
    .command("attention")
    .description("What needs attention today: deadlines, changes to publish, billing, KPIs, obligations")
    .option(
      "--role <role>",
      "whose list: finance sees billing and dates; other roles see everything",
      "contract-manager",
    )
    .option("--format <format>", "table or json", "table")
    .option("--today <date>", TODAY_HELP)
    .option("--db <url>", DB_HELP)
    .action(async (o: { role: string; format: string; today?: string; db?: string }) =>
      (await run()).attention(o),
    );

  manage
    .command("performance")
    .description("A contract's KPIs with their results judged, periods overdue and each period's rating")
    .argument("<contract>", "the contract's id in the register")
    .option("--format <format>", "table or json", "table")
    .option("--today <date>", TODAY_HELP)
    .option("--db <url>", DB_HELP)
    .action(async (contract: string, o: { format: string; today?: string; db?: string }) =>
      (await run()).performance(contract, o),
    );

  manage
    .command("kpi-template")
    .description("Write the KPI results spreadsheet for a contract: a row per KPI and period it owes")
    .argument("<contract>", "the contract's id in the register")
    .requiredOption("--out <file>", "the file to write: .xlsx or .csv")
    .option("--today <date>", TODAY_HELP)
    .option("--db <url>", DB_HELP)
    .action(async (contract: string, o: { out: string; today?: string; db?: string }) =>
      (await run()).kpiTemplate(contract, o),
    );

  manage
    .command("kpi-import")
    .description(
      "Store the KPI results in a spreadsheet (.xlsx or .csv, as kpi-template writes it). A bad cell\n" +
        "is named by sheet, row and column, and nothing is stored (exit 1).",
    )
    .argument("<contract>", "the contract's id in the register")
    .argument("<file>", "the results spreadsheet")
    .requiredOption("--reason <text>", "why the results are stored (kept in the audit trail)")
    .option("--user <name>", "who stores them, for the audit trail", "cli")
    .option("--db <url>", DB_HELP)
    .action(async (contract: string, file: string, o: { reason: string; user: string; db?: string }) =>
      (await run()).kpiImport(contract, file, o),
    );

  manage
    .command("scorecards")
    .description("A scorecard per supplier across its contracts: the weighted KPI score month by month")
    .option("--format <format>", "table or json", "table")
    .option("--db <url>", DB_HELP)
    .action(async (o: { format: string; db?: string }) => (await run()).scorecardsCmd(o));
}
