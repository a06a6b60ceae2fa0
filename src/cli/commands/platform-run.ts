/**
 * What the platform commands (serve, demo, db, users, audit) do, loaded only when one of them
 * runs; the declarations are in platform.ts.
 */
import { InputError } from "../../shared/errors.ts";
import { verifyAudit } from "../../store/audit.ts";
import { backup, restore, wipe } from "../../store/backup.ts";
import { migrate, openMigrated, openStore, resolveDatabaseUrl } from "../../store/db.ts";
import { isEmpty, loadDemo } from "../../app/demo.ts";
import { demoAccounts } from "../../demo/scenario.ts";
import { accounts, unlock } from "../../app/accounts.ts";
import {
  addUser,
  changeRole,
  createApiToken,
  listApiTokens,
  resetPassword,
  revokeApiToken,
  setAccountDisabled,
} from "../../store/users.ts";
import { installShutdown, parseGraceMs } from "../../server/lifecycle.ts";
import { readPassword } from "../password-input.ts";
import { withStore } from "../store.ts";

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

export async function serve(opts: {
  port?: string;
  host: string;
  db?: string;
  demo?: boolean;
  logLevel?: string;
  trustProxy?: string | boolean;
}): Promise<void> {
  const port = parsePort(opts.port ?? process.env.PORT ?? "8080");
  // The server's modules (Fastify among them) load only to serve: the other commands start faster.
  const { parseLogLevel } = await import("../../server/logging.ts");
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
  const noAccounts = !loaded && (await accounts(store)).length === 0;
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
}

export async function demo(opts: { db?: string }): Promise<void> {
  await withStore(opts.db, async (store) => {
    await wipe(store);
    await loadDemo(store);
    process.stdout.write(`Demo scenario loaded into ${store.kind} store ${store.location}\n`);
    printDemoAccounts();
  });
}

export async function dbMigrate(opts: { db?: string }): Promise<void> {
  const store = openStore(resolveDatabaseUrl(opts.db));
  try {
    const applied = await migrate(store);
    process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "schema is up to date\n");
  } finally {
    await store.close();
  }
}

export async function dbBackup(file: string, opts: { db?: string }): Promise<void> {
  await withStore(opts.db, async (store) => {
    const counts = await backup(store, file);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stdout.write(`backed up ${total} rows from ${Object.keys(counts).length} tables to ${file}\n`);
  });
}

export async function dbRestore(file: string, opts: { db?: string; force?: boolean }): Promise<void> {
  await withStore(opts.db, async (store) => {
    const counts = await restore(store, file, { force: opts.force === true });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stdout.write(`restored ${total} rows into ${store.kind} store ${store.location}\n`);
  });
}

export async function usersAdd(
  username: string,
  opts: { role: string; password?: string; name?: string; db?: string },
): Promise<void> {
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
}

export async function usersToken(username: string, opts: { name: string; db?: string }): Promise<void> {
  await withStore(opts.db, async (store) => {
    process.stdout.write(`${await createApiToken(store, username, opts.name, "cli")}\n`);
  });
}

export async function usersList(opts: { db?: string }): Promise<void> {
  await withStore(opts.db, async (store) => {
    for (const u of await accounts(store))
      process.stdout.write(
        `${u.username.padEnd(16)} ${u.role.padEnd(17)} ${u.disabled ? "disabled" : "enabled"}${u.locked ? " locked" : ""}\n`,
      );
  });
}

export async function usersTokens(username: string, opts: { db?: string }): Promise<void> {
  await withStore(opts.db, async (store) => {
    for (const t of await listApiTokens(store, username))
      process.stdout.write(`${t.id}  ${t.createdAt}  ${t.name}\n`);
  });
}

export async function usersRevoke(
  username: string,
  id: string,
  opts: { reason: string; db?: string },
): Promise<void> {
  await withStore(opts.db, async (store) => {
    const t = await revokeApiToken(store, username, id, "cli", opts.reason);
    process.stdout.write(`revoked token ${t.id} (${t.name}) of ${username}\n`);
  });
}

export async function usersSetDisabled(
  username: string,
  disabled: boolean,
  opts: { reason: string; db?: string },
): Promise<void> {
  await withStore(opts.db, async (store) => {
    await setAccountDisabled(store, username, disabled, "cli", opts.reason);
    process.stdout.write(`${username} ${disabled ? "disabled" : "enabled"}\n`);
  });
}

export async function usersUnlock(username: string, opts: { reason: string; db?: string }): Promise<void> {
  await withStore(opts.db, async (store) => {
    await unlock(store, username, "cli", opts.reason);
    process.stdout.write(`${username} unlocked: it may sign in again\n`);
  });
}

export async function usersRole(
  username: string,
  role: string,
  opts: { reason: string; db?: string },
): Promise<void> {
  await withStore(opts.db, async (store) => {
    const u = await changeRole(store, username, role, "cli", opts.reason);
    process.stdout.write(`${u.username} is now ${u.role}\n`);
  });
}

export async function usersPassword(
  username: string,
  opts: { password?: string; reason: string; db?: string },
): Promise<void> {
  const password = await readPassword(opts.password, username);
  await withStore(opts.db, async (store) => {
    await resetPassword(store, username, password, "cli", opts.reason);
    process.stdout.write(`password of ${username} changed\n`);
  });
}

export async function auditVerify(opts: { db?: string }): Promise<void> {
  await withStore(opts.db, async (store) => {
    const r = await verifyAudit(store);
    if (r.ok) {
      process.stdout.write(`audit chain intact: ${r.entries} entries\n`);
    } else {
      process.stderr.write(`nous: audit chain broken at entry ${r.broken?.seq}: ${r.broken?.reason}\n`);
      process.exitCode = 1;
    }
  });
}
