/** Platform commands: serve, demo, db (migrate, backup, restore), users, audit. */
import type { Command } from "commander";
import { InputError } from "../../shared/errors.ts";
import { verifyAudit } from "../../store/audit.ts";
import { backup, restore, wipe } from "../../store/backup.ts";
import { migrate, openMigrated, openStore, resolveDatabaseUrl } from "../../store/db.ts";
import { isEmpty, loadDemo } from "../../store/demo.ts";
import { demoAccounts } from "../../demo/scenario.ts";
import { ACCOUNT_ROLES } from "../../store/schema.ts";
import {
  accountInfo,
  addUser,
  changeRole,
  createApiToken,
  listApiTokens,
  listUsers,
  resetPassword,
  revokeApiToken,
  setAccountDisabled,
} from "../../store/users.ts";
import { installShutdown, parseGraceMs } from "../../server/lifecycle.ts";
import { parseLogLevel } from "../../server/logging.ts";
import { unlockAccount } from "../../store/sign-in-throttle.ts";
import { PASSWORD_HELP, readPassword } from "../password-input.ts";
import { DB_HELP, withStore } from "../store.ts";

function printDemoAccounts(): void {
  process.stdout.write("Demo accounts (username / password / role):\n");
  for (const a of demoAccounts)
    process.stdout.write(`  ${a.username.padEnd(11)} ${a.password.padEnd(22)} ${a.role}\n`);
}

function parsePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InputError(`--port: expected a port number 0–65535, got "${text}"`);
  return n;
}

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
    .action(
      async (opts: {
        port?: string;
        host: string;
        db?: string;
        demo?: boolean;
        logLevel?: string;
        trustProxy?: string | boolean;
      }) => {
        const port = parsePort(opts.port ?? process.env.PORT ?? "8080");
        const level =
          opts.logLevel !== undefined
            ? parseLogLevel(opts.logLevel, "--log-level")
            : parseLogLevel(process.env.NOUS_LOG_LEVEL);
        const graceMs = parseGraceMs(process.env.NOUS_SHUTDOWN_GRACE_MS);
        const store = await openMigrated(resolveDatabaseUrl(opts.db));
        const { buildServer, parseTrustProxy } = await import("../../server/app.ts");
        const trustProxy =
          opts.trustProxy === undefined
            ? parseTrustProxy(process.env.NOUS_TRUST_PROXY)
            : opts.trustProxy === true
              ? true
              : parseTrustProxy(String(opts.trustProxy), "--trust-proxy");
        let loaded = false;
        const empty = await isEmpty(store);
        if (opts.demo === true && empty) {
          await loadDemo(store);
          loaded = true;
        }
        const noAccounts = !loaded && (await listUsers(store)).length === 0;
        const app = await buildServer({ store, logger: { level }, trustProxy });
        const address = await app.listen({ port, host: opts.host });
        process.stdout.write(`nous is serving ${store.kind} store ${store.location}\n`);
        if (loaded) process.stdout.write("Loaded the demo scenario (MOPAC and the Met, 2013–2027).\n");
        process.stdout.write(`Dashboard: ${address}/\nAPI docs:  ${address}/api/docs\n`);
        if (loaded) printDemoAccounts();
        if (noAccounts)
          process.stdout.write(
            "No accounts yet. Create the first administrator (the password is asked for, or read from stdin):\n" +
              `  nous users add NAME --role admin${opts.db ? ` --db ${opts.db}` : ""}\n`,
          );
        // SIGTERM/SIGINT: finish the requests under way (at most graceMs), close the store, exit 0.
        installShutdown({ app, store, graceMs });
      },
    );

  program
    .command("demo")
    .description("Create a fresh database holding the demo scenario (replaces what is there)")
    .option("--db <url>", DB_HELP)
    .action(async (opts: { db?: string }) => {
      await withStore(opts.db, async (store) => {
        await wipe(store);
        await loadDemo(store);
        process.stdout.write(`Demo scenario loaded into ${store.kind} store ${store.location}\n`);
        printDemoAccounts();
      });
    });

  const db = program.command("db").description("Database maintenance");
  db.command("migrate")
    .description("Bring the database schema up to date")
    .option("--db <url>", DB_HELP)
    .action(async (opts: { db?: string }) => {
      const store = openStore(resolveDatabaseUrl(opts.db));
      try {
        const applied = await migrate(store);
        process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "schema is up to date\n");
      } finally {
        await store.close();
      }
    });
  db.command("backup <file>")
    .description("Write every table to FILE (JSON Lines; restores into SQLite or PostgreSQL)")
    .option("--db <url>", DB_HELP)
    .action(async (file: string, opts: { db?: string }) => {
      await withStore(opts.db, async (store) => {
        const counts = await backup(store, file);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `backed up ${total} rows from ${Object.keys(counts).length} tables to ${file}\n`,
        );
      });
    });
  db.command("restore <file>")
    .description("Load a backup into an empty database (all or nothing; the audit chain is checked first)")
    .option("--db <url>", DB_HELP)
    .option("--force", "replace the data the database holds now")
    .action(async (file: string, opts: { db?: string; force?: boolean }) => {
      await withStore(opts.db, async (store) => {
        const counts = await restore(store, file, { force: opts.force === true });
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        process.stdout.write(`restored ${total} rows into ${store.kind} store ${store.location}\n`);
      });
    });

  const users = program.command("users").description("Accounts");
  users
    .command("add <username>")
    .description("Create an account")
    .requiredOption("--role <role>", `one of ${ACCOUNT_ROLES.join(", ")}`)
    .option("--password <password>", PASSWORD_HELP)
    .option("--name <displayName>", "name shown in the dashboard")
    .option("--db <url>", DB_HELP)
    .action(
      async (username: string, opts: { role: string; password?: string; name?: string; db?: string }) => {
        const password = await readPassword(opts.password, username);
        await withStore(opts.db, async (store) => {
          const u = await addUser(
            store,
            { username, role: opts.role, password, displayName: opts.name },
            "cli",
            "account created with nous users add",
          );
          process.stdout.write(`created ${u.username} (${u.role})\n`);
        });
      },
    );
  users
    .command("token <username>")
    .description("Issue an API token for scripts (printed once)")
    .option("--name <name>", "what the token is for", "script")
    .option("--db <url>", DB_HELP)
    .action(async (username: string, opts: { name: string; db?: string }) => {
      await withStore(opts.db, async (store) => {
        process.stdout.write(`${await createApiToken(store, username, opts.name, "cli")}\n`);
      });
    });

  users
    .command("list")
    .description("List the accounts with their role and state")
    .option("--db <url>", DB_HELP)
    .action(async (opts: { db?: string }) => {
      await withStore(opts.db, async (store) => {
        for (const u of (await listUsers(store)).map(accountInfo))
          process.stdout.write(
            `${u.username.padEnd(16)} ${u.role.padEnd(17)} ${u.disabled ? "disabled" : "enabled"}${u.locked ? " locked" : ""}\n`,
          );
      });
    });
  users
    .command("tokens <username>")
    .description("List an account's API tokens (ids and names; never the secrets)")
    .option("--db <url>", DB_HELP)
    .action(async (username: string, opts: { db?: string }) => {
      await withStore(opts.db, async (store) => {
        for (const t of await listApiTokens(store, username))
          process.stdout.write(`${t.id}  ${t.createdAt}  ${t.name}\n`);
      });
    });
  const REASON = "why (kept in the audit trail)";
  users
    .command("revoke <username> <tokenId>")
    .description("Revoke one of an account's API tokens (its id from `nous users tokens`)")
    .requiredOption("--reason <text>", REASON)
    .option("--db <url>", DB_HELP)
    .action(async (username: string, id: string, opts: { reason: string; db?: string }) => {
      await withStore(opts.db, async (store) => {
        const t = await revokeApiToken(store, username, id, "cli", opts.reason);
        process.stdout.write(`revoked token ${t.id} (${t.name}) of ${username}\n`);
      });
    });
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
      .action(async (username: string, opts: { reason: string; db?: string }) => {
        await withStore(opts.db, async (store) => {
          await setAccountDisabled(store, username, disabled, "cli", opts.reason);
          process.stdout.write(`${username} ${disabled ? "disabled" : "enabled"}\n`);
        });
      });
  users
    .command("unlock <username>")
    .description("Unlock an account locked after too many failed sign-ins")
    .requiredOption("--reason <text>", REASON)
    .option("--db <url>", DB_HELP)
    .action(async (username: string, opts: { reason: string; db?: string }) => {
      await withStore(opts.db, async (store) => {
        await unlockAccount(store, username, "cli", opts.reason);
        process.stdout.write(`${username} unlocked: it may sign in again\n`);
      });
    });
  users
    .command("role <username> <role>")
    .description(`Change an account's role (one of ${ACCOUNT_ROLES.join(", ")})`)
    .requiredOption("--reason <text>", REASON)
    .option("--db <url>", DB_HELP)
    .action(async (username: string, role: string, opts: { reason: string; db?: string }) => {
      await withStore(opts.db, async (store) => {
        const u = await changeRole(store, username, role, "cli", opts.reason);
        process.stdout.write(`${u.username} is now ${u.role}\n`);
      });
    });
  users
    .command("password <username>")
    .description("Set a new password for an account; its sessions end")
    .option("--password <password>", PASSWORD_HELP)
    .requiredOption("--reason <text>", REASON)
    .option("--db <url>", DB_HELP)
    .action(async (username: string, opts: { password?: string; reason: string; db?: string }) => {
      const password = await readPassword(opts.password, username);
      await withStore(opts.db, async (store) => {
        await resetPassword(store, username, password, "cli", opts.reason);
        process.stdout.write(`password of ${username} changed\n`);
      });
    });

  const audit = program.command("audit").description("The audit trail");
  audit
    .command("verify")
    .description("Check the audit trail's hash chain; names the first broken entry")
    .option("--db <url>", DB_HELP)
    .action(async (opts: { db?: string }) => {
      await withStore(opts.db, async (store) => {
        const r = await verifyAudit(store);
        if (r.ok) {
          process.stdout.write(`audit chain intact: ${r.entries} entries\n`);
        } else {
          process.stderr.write(`nous: audit chain broken at entry ${r.broken?.seq}: ${r.broken?.reason}\n`);
          process.exitCode = 1;
        }
      });
    });
}
