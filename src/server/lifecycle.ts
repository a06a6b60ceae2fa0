/**
 * Graceful shutdown: on SIGTERM (an orchestrator, systemd, `docker stop`) or SIGINT (Ctrl-C) the
 * server stops accepting connections, lets the requests already under way finish, closes the
 * store and exits 0, so a deploy or restart loses no upload and leaves no write half done. The
 * wait is bounded: after the grace period the connections still open are cut and it exits 1.
 */
import type { FastifyInstance } from "fastify";
import { InputError } from "../shared/errors.ts";
import type { Store } from "../store/db.ts";

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** Reads NOUS_SHUTDOWN_GRACE_MS: a whole number of milliseconds; unset means 10 s. */
export function parseGraceMs(text: string | undefined, where = "NOUS_SHUTDOWN_GRACE_MS"): number {
  if (text === undefined || text.trim() === "") return DEFAULT_SHUTDOWN_GRACE_MS;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 3_600_000)
    throw new InputError(`${where}: expected milliseconds from 0 to 3600000, got "${text}"`);
  return n;
}

export interface ShutdownOptions {
  app: FastifyInstance;
  store: Store;
  graceMs?: number;
  signals?: readonly NodeJS.Signals[];
  /** Ends the process; `process.exit` unless told otherwise. */
  exit?: (code: number) => void;
}

/**
 * Stops the server and the store, waiting at most `graceMs` for the requests under way.
 * Resolves with the exit code: 0 when every request finished, 1 when some had to be cut.
 */
export async function shutdown(app: FastifyInstance, store: Store, graceMs: number): Promise<number> {
  let code = 0;
  const timer = setTimeout(() => {
    code = 1;
    app.log.warn({ graceMs }, "shutdown: the grace period is over; closing the connections still open");
    app.server.closeAllConnections();
  }, graceMs);
  try {
    // Fastify stops listening at once, answers 503 to requests arriving on kept-alive
    // connections, closes idle connections and resolves when the requests under way are done.
    await app.close();
  } catch (err) {
    code = 1;
    app.log.error({ err }, "shutdown: closing the server failed");
  } finally {
    clearTimeout(timer);
  }
  try {
    await store.close();
  } catch (err) {
    code = 1;
    app.log.error({ err }, "shutdown: closing the store failed");
  }
  app.log.info({ exitCode: code }, "shutdown complete");
  return code;
}

/** Installs the signal handlers; a second signal while shutting down exits at once with 1. */
export function installShutdown(opts: ShutdownOptions): void {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const graceMs = opts.graceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      opts.app.log.warn({ signal }, "shutdown: second signal; exiting now");
      exit(1);
      return;
    }
    stopping = true;
    opts.app.log.info({ signal, graceMs }, "shutdown: no new connections; finishing the requests under way");
    void shutdown(opts.app, opts.store, graceMs).then(exit);
  };
  for (const s of opts.signals ?? (["SIGTERM", "SIGINT"] as const)) process.on(s, onSignal);
}
