/**
 * Graceful shutdown as an orchestrator sees it: SIGTERM to a real `nous serve` process while a
 * request is still arriving (a slow client, as a large upload over a slow link would be). The
 * server stops accepting connections at once, lets that request finish with 200, closes the store
 * and exits 0; a request still unfinished when the grace period ends is cut and the exit is 1.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type ClientRequest, type IncomingMessage, request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigrated } from "../../src/store/db.ts";
import { addUser } from "../../src/store/users.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-shutdown-"));
const PASSWORD = "shutdown-test-passphrase-7319";
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** A store holding one account, so `serve` loads no demo whatever its flags. */
async function makeStore(name: string): Promise<string> {
  const file = join(dir, name);
  const store = await openMigrated(file);
  await addUser(store, { username: "operator", role: "admin", password: PASSWORD }, "test", "shutdown test");
  await store.close();
  return file;
}

interface Server {
  child: ChildProcess;
  port: number;
  /** Everything the process wrote to standard output so far. */
  out(): string;
  /** Resolves once a line matching `re` has been written. */
  waitFor(re: RegExp): Promise<void>;
  exited: Promise<number | null>;
}

function startServer(db: string, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ["bin/nous.js", "serve", "--db", db, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
    // debug: the log then says when a request arrives, which tells the test the server has it.
    env: { ...process.env, NOUS_QUIET: "1", NOUS_LOG_LEVEL: "debug", ...env },
  });
  children.push(child);
  let out = "";
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  child.stdout!.on("data", (b: Buffer) => {
    out += b.toString();
    for (const w of [...waiters])
      if (w.re.test(out)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  });
  child.stderr!.on("data", (b: Buffer) => {
    out += b.toString();
  });
  const waitFor = (re: RegExp) =>
    re.test(out) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ re, resolve }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 45_000);
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${out}`)));
    void waitFor(/Dashboard: http:\/\/127\.0\.0\.1:(\d+)\//).then(() => {
      clearTimeout(timer);
      const port = Number(/Dashboard: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)![1]);
      resolve({ child, port, out: () => out, waitFor, exited });
    });
  });
}

/** Starts a sign-in whose body arrives in two parts; `finish()` sends the rest. */
function slowSignIn(port: number): {
  req: ClientRequest;
  response: Promise<{ status: number; body: string; cookie: string } | Error>;
  finish(): void;
} {
  const body = JSON.stringify({ username: "operator", password: PASSWORD });
  const half = Math.floor(body.length / 2);
  const req = request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/api/auth/login",
    agent: false,
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "x-request-id": "slow-sign-in",
    },
  });
  const response = new Promise<{ status: number; body: string; cookie: string } | Error>((resolve) => {
    req.on("response", (res: IncomingMessage) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        text += c;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: text, cookie: String(res.headers["set-cookie"] ?? "") }),
      );
      res.on("error", resolve);
    });
    req.on("error", resolve);
  });
  req.write(body.slice(0, half));
  return { req, response, finish: () => req.end(body.slice(half)) };
}

/** Resolves with the error code a new TCP connection gets ("" when it is accepted). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ host: "127.0.0.1", port });
    s.once("connect", () => {
      s.destroy();
      resolve("");
    });
    s.once("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
  });
}

async function refusedSoon(port: number): Promise<string> {
  let code = "";
  for (let i = 0; i < 100 && code === ""; i++) {
    code = await tryConnect(port);
    if (code === "") await new Promise((r) => setTimeout(r, 50));
  }
  return code;
}

describe("nous serve on SIGTERM", () => {
  let db: string;
  beforeAll(async () => {
    db = await makeStore("graceful.db");
  });

  it("refuses new connections, finishes the request under way with 200, and exits 0", async () => {
    const server = await startServer(db);
    const slow = slowSignIn(server.port);
    // The server has the request (its log says so) before the signal is sent.
    await server.waitFor(/"reqId":"slow-sign-in".*"msg":"incoming request"/);
    server.child.kill("SIGTERM");
    await server.waitFor(/"msg":"shutdown: no new connections/);
    expect(await refusedSoon(server.port)).toBe("ECONNREFUSED");
    expect(server.child.exitCode).toBeNull();
    slow.finish();
    const res = await slow.response;
    expect(res).not.toBeInstanceOf(Error);
    const ok = res as { status: number; body: string; cookie: string };
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ username: "operator", role: "admin" });
    expect(ok.cookie).toMatch(/^nous_session=/);
    expect(await server.exited).toBe(0);
    expect(server.out()).toMatch(/"exitCode":0,"msg":"shutdown complete"/);
  });

  it("cuts a request still unfinished after the grace period and exits 1", async () => {
    const server = await startServer(db, { NOUS_SHUTDOWN_GRACE_MS: "200" });
    const slow = slowSignIn(server.port);
    await server.waitFor(/"reqId":"slow-sign-in".*"msg":"incoming request"/);
    server.child.kill("SIGTERM");
    // The client never sends the rest of its body.
    const res = await slow.response;
    expect(res).toBeInstanceOf(Error);
    expect(await server.exited).toBe(1);
    expect(server.out()).toContain("the grace period is over");
    slow.req.destroy();
  });

  it("refuses a grace period that is not a number of milliseconds, naming the setting", async () => {
    const child = spawn(process.execPath, ["bin/nous.js", "serve", "--db", db, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NOUS_QUIET: "1", NOUS_SHUTDOWN_GRACE_MS: "ten seconds" },
    });
    children.push(child);
    let err = "";
    child.stderr!.on("data", (b: Buffer) => {
      err += b.toString();
    });
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code).not.toBe(0);
    expect(err).toContain('NOUS_SHUTDOWN_GRACE_MS: expected milliseconds from 0 to 3600000, got "ten seconds"');
  });
});
