/**
 * The server's log: one JSON object a line (pino, which Fastify bundles), at `info` unless told
 * otherwise, each request under an id that the client and the log share. An operator greps the
 * log for the id a user quotes from the X-Request-Id response header; nothing secret (tokens,
 * cookies, passwords) is ever written.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from "fastify";
import { InputError } from "../shared/errors.ts";

export const REQUEST_ID_HEADER = "x-request-id";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = "info";

export interface LogSettings {
  /** Lowest level written; `info` logs every request. */
  level?: LogLevel;
  /** Where the lines go (a test reads them); standard output by default. */
  stream?: { write(line: string): void };
}

/**
 * Where a secret could sit in a logged object. Fastify's request serializer logs no headers and
 * no body today; these paths keep a later change (or a handler logging `req.headers`, a body or
 * an error carrying one) from writing them.
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  "authorization",
  "cookie",
  "password",
  "newPassword",
  "currentPassword",
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "body.password",
  "req.body.password",
  "req.body.newPassword",
  "req.body.currentPassword",
];

/** A client's own id is kept only when it is short and made of characters safe in a log line. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request's id: the client's X-Request-Id when it is short and safe, else a new UUID. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  if (typeof given === "string" && SAFE_ID.test(given)) return given;
  return randomUUID();
}

/** Reads a level name from `--log-level` or NOUS_LOG_LEVEL; a wrong one is refused by name. */
export function parseLogLevel(text: string | undefined, where = "NOUS_LOG_LEVEL"): LogLevel {
  if (text === undefined || text === "") return DEFAULT_LOG_LEVEL;
  const level = text.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new InputError(`${where}: expected one of ${LOG_LEVELS.join(", ")}, got "${text}"`);
}

/**
 * Standard output, written once per turn of the event loop instead of once per line. Writes to
 * a file or a pipe are synchronous in Node, and a system call per log line cost about a quarter
 * of a register read's throughput at 100 connections. Lines still leave within the same turn
 * they were logged in (setImmediate), and whatever is pending is written when the process exits,
 * so an orderly stop loses nothing; a kill -9 loses at most the current turn's lines.
 */
export function batchedStdout(out: { write(text: string): unknown } = process.stdout): { write(line: string): void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    out.write(text);
  };
  process.once("exit", flush);
  return {
    write(line: string) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
  };
}

/**
 * The Fastify constructor options for logging. `false` (what tests pass by default) is silent;
 * `true` logs at `info` to standard output; settings choose the level and the destination.
 */
export function loggingOptions(
  settings: boolean | LogSettings | undefined,
): Pick<FastifyServerOptions, "logger" | "genReqId" | "requestIdHeader" | "logController"> {
  const common = {
    genReqId: requestId,
    // One line per request at info (the arrival line only at debug): see NousLogController.
    logController: new NousLogController(),
    // The header is read by requestId() so that an unsafe value is replaced, not trusted.
    requestIdHeader: false as const,
  };
  if (!settings) return { ...common, logger: false };
  const s: LogSettings = settings === true ? {} : settings;
  return {
    ...common,
    logger: {
      level: s.level ?? DEFAULT_LOG_LEVEL,
      stream: s.stream ?? batchedStdout(),
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
  };
}

/**
 * Fastify's per-request log lines, one per request at info: the line when a request arrives is
 * written only at debug (to see requests that never finish), and the line when its answer has
 * gone names the method and URL with the status and the time taken. Two lines per request cost
 * about a third of a register read's throughput under load. A route's own log level (the probes
 * log at warn) applies.
 */
class NousLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, "incoming request");
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, "request errored");
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, "request completed");
  }
}

/** Sends each request's id back in the X-Request-Id response header, errors included. */
export function installRequestId(app: FastifyInstance): void {
  app.addHook("onRequest", async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
}
