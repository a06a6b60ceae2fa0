/**
 * Platform commands: serve, demo, db (migrate, backup, restore), users, audit. This file only
 * declares the commands; what each does is in platform-run.ts, loaded when one of them runs, so
 * `nous --version` loads neither the store nor the server.
 */
import type { Command } from "commander";
import { ACCOUNT_ROLES } from "../../store/schema.ts";
import { PASSWORD_HELP } from "../password-input.ts";
import { DB_HELP } from "../store.ts";

const run = () => import("./platform-run.ts");

export function registerPlatform(program: Command): void {
  program
    .command("serve")
    .description("Serve the API and the dashboard (--demo loads the demo scenario into an empty database)")
    .option("--port <port>", "port to listen on (default: $PORT or 8080)")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--db <url>", DB_HELP)
    .option("--demo", "load the demo scenario, with its published passwords, into an empty database")
    .option(
      "--trust-proxy [addresses]",
      "behind a TLS reverse proxy: trust its X-Forwarded-* headers (true, or its addresses; or set NOUS_TRUST_PROXY)",
    )
    .option(
      "--log-level <level>",
      "fatal, error, warn, info (every request; the default), debug, trace or silent (or set NOUS_LOG_LEVEL)",
    )
    .action(async (opts: Parameters<typeof import("./platform-run.ts").serve>[0]) =>
      (await run()).serve(opts),
    );

  program
    .command("demo")
    .description("Create a fresh database holding the demo scenario (replaces what is there)")
    .option("--db <url>", DB_HELP)
    .action(async (opts: { db?: string }) => (await run()).demo(opts));

  const db = program.command("db").description("Database maintenance");
  db.command("migrate")
    .description("Bring the database schema up to date")
    .option("--db <url>", DB_HELP)
    .action(async (opts: { db?: string }) => (await run()).dbMigrate(opts));
  db.command("backup <file>")
    .description("Write every table to FILE (JSON Lines; restores into SQLite or PostgreSQL)")
    .option("--db <url>", DB_HELP)
    .action(async (file: string, opts: { db?: string }) => (await run()).dbBackup(file, opts));
  db.command("restore <file>")
    .description("Load a backup into an empty database (all or nothing; the audit chain is checked first)")
    .option("--db <url>", DB_HELP)
    .option("--force", "replace the data the database holds now")
    .action(async (file: string, opts: { db?: string; force?: boolean }) =>
      (await run()).dbRestore(file, opts),
    );

  const users = program.command("users").description("Accounts");
  users
    .command("add <username>")
    .description("Create an account")
    .requiredOption("--role <role>", `one of ${ACCOUNT_ROLES.join(", ")}`)
    .option("--password <password>", PASSWORD_HELP)
    .option("--name <displayName>", "name shown in the dashboard")
    .option("--db <url>", DB_HELP)
    .action(async (username: string, opts: { role: string; password?: string; name?: string; db?: string }) =>
      (await run()).usersAdd(username, opts),
    );
  users
    .command("token <username>")
    .description("Issue an API token for scripts (printed once)")
    .option("--name <name>", "what the token is for", "script")
    .option("--db <url>", DB_HELP)
    .action(async (username: string, opts: { name: string; db?: string }) =>
      (await run()).usersToken(username, opts),
    );

  users
    .command("list")
    .description("List the accounts with their role and state")
    .option("--db <url>", DB_HELP)
    .action(async (opts: { db?: string }) => (await run()).usersList(opts));
  users
    .command("tokens <username>")
    .description("List an account's API tokens (ids and names; never the secrets)")
    .option("--db <url>", DB_HELP)
    .action(async (username: string, opts: { db?: string }) => (await run()).usersTokens(username, opts));
  const REASON = "why (kept in the audit trail)";
  users
    .command("revoke <username> <tokenId>")
    .description("Revoke one of an account's API tokens (its id from `nous users tokens`)")
    .requiredOption("--reason <text>", REASON)
    .option("--db <url>", DB_HELP)
    .action(async (username: string, id: string, opts: { reason: string; db?: string }) =>
      (await run()).usersRevoke(username, id, opts),
    );
  for (const [name, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const)
    users
      .command(`${name} <username>`)
      .description(
        disabled
          ? "Disable an account: it cannot sign in and its sessions and tokens stop working at once"
          : "Enable a disabled account again",
      )
      .requiredOption("--reason <text>", REASON)
      .option("--db <url>", DB_HELP)
      .action(async (username: string, opts: { reason: string; db?: string }) =>
        (await run()).usersSetDisabled(username, disabled, opts),
      );
  users
    .command("unlock <username>")
    .description("Unlock an account locked after too many failed sign-ins")
    .requiredOption("--reason <text>", REASON)
    .option("--db <url>", DB_HELP)
    .action(async (username: string, opts: { reason: string; db?: string }) =>
      (await run()).usersUnlock(username, opts),
    );
  users
    .command("role <username> <role>")
    .description(`Change an account's role (one of ${ACCOUNT_ROLES.join(", ")})`)
    .requiredOption("--reason <text>", REASON)
    .option("--db <url>", DB_HELP)
    .action(async (username: string, role: string, opts: { reason: string; db?: string }) =>
      (await run()).usersRole(username, role, opts),
    );
  users
    .command("password <username>")
    .description("Set a new password for an account; its sessions end")
    .option("--password <password>", PASSWORD_HELP)
    .requiredOption("--reason <text>", REASON)
    .option("--db <url>", DB_HELP)
    .action(async (username: string, opts: { password?: string; reason: string; db?: string }) =>
      (await run()).usersPassword(username, opts),
    );

  const audit = program.command("audit").description("The audit trail");
  audit
    .command("verify")
    .description("Check the audit trail's hash chain; names the first broken entry")
    .option("--db <url>", DB_HELP)
    .action(async (opts: { db?: string }) => (await run()).auditVerify(opts));
}
