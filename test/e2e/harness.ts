/**
 * One dashboard for a browser test file: the web build, a temp SQLite store holding the demo
 * scenario, the real server listening on a free port, and headless Chromium.
 *
 *   describeBrowser("billing in the browser", () => {
 *     let web: Dashboard;
 *     beforeAll(async () => { web = await startDashboard("billing"); });
 *     afterAll(() => web?.close());
 *     it("...", async () => { const page = await web.visitor(); await web.open(page, "/", "..."); });
 *   });
 *
 * The web build happens once per test run, not once per file: the first file to get there builds
 * into a private temp folder and renames it into place; files running in parallel forks wait for
 * it (an mkdir lock) instead of building over each other. web/dist is never touched.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 *
 * `axeViolations(page)` runs axe-core (node_modules/axe-core) in a page against WCAG 2.0, 2.1
 * and 2.2 A and AA. The dashboard's CSP (`script-src 'self'`) refuses `page.addScriptTag`, so
 * the script goes in through `page.evaluate(source)`: evaluation over the DevTools protocol is
 * not subject to the page's CSP, and the contexts keep the CSP on, as a visitor has it.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread } from "node:worker_threads";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { openMigrated, type Store } from "../../src/store/db.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { launchBrowser } from "../support/browser.ts";

/** The repository root. */
export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const webDir = join(repo, "web");
const BUILD_PREFIX = "nous-e2e-web-";
const BUILD_WAIT_MS = 180_000;

export interface Dashboard {
  /** http://127.0.0.1:<port> */
  base: string;
  browser: Browser;
  store: Store;
  /** This file's temp folder (deleted by close()); free for the test's own files. */
  dir: string;
  /** A fresh visitor: own cookies, a desktop-sized window unless another viewport is given. */
  visitor(viewport?: { width: number; height: number }): Promise<Page>;
  /** Signs in through the login form and waits to land on `next`. */
  signIn(page: Page, username: string, password: string, next: string): Promise<void>;
  /** Opens `path`, expects HTTP 200 and waits for the level-1 heading. */
  open(page: Page, path: string, heading: string): Promise<void>;
  /** Saves a full-page screenshot as <name>.png, checks it is a PNG, and returns its bytes. */
  screenshot(page: Page, name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export interface DashboardOptions {
  /** Extra data on top of the demo scenario, loaded before the server starts. */
  seed?: (store: Store) => Promise<unknown>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes builds (and locks) left by earlier runs whose vitest process has gone. */
function sweepOldBuilds(keep: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(BUILD_PREFIX) || name === keep) continue;
    const pid = Number(name.slice(BUILD_PREFIX.length).split(".")[0]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** When the dashboard's sources last changed (the web app and the shared code it imports). */
function sourcesStamp(): string {
  const paths = [join(webDir, "src"), join(webDir, "index.html"), join(webDir, "vite.config.ts")];
  paths.push(join(repo, "src", "shared"));
  return Math.floor(Math.max(...paths.map(newestMtime))).toString(36);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function viteBuild(outDir: string): Promise<void> {
  const { build } = await import("vite");
  await build({
    configFile: join(webDir, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
}

/**
 * The dashboard built for this run. Test files run in forks (or threads) of one vitest process,
 * so its pid names the run, and the sources' last change keeps a watching run up to date; the
 * folder appears whole, by rename, or not at all.
 */
async function webBuildForRun(): Promise<string> {
  const runner = isMainThread ? process.ppid : process.pid;
  const name = `${BUILD_PREFIX}${runner}.${sourcesStamp()}`;
  const root = join(tmpdir(), name);
  const ready = join(root, "index.html");
  if (existsSync(ready)) return root;
  const lock = `${root}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (existsSync(ready)) return root;
    if (Date.now() - started > BUILD_WAIT_MS) {
      throw new Error(
        `the web build in ${root} did not finish within ${BUILD_WAIT_MS / 1000} s (lock ${lock})`,
      );
    }
    await sleep(200);
  }
  try {
    if (existsSync(ready)) return root;
    sweepOldBuilds(name);
    const staging = mkdtempSync(`${root}.building-`);
    try {
      await viteBuild(staging);
      renameSync(staging, root);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    return root;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Starts the demo dashboard for one test file; `label` names its temp folder. */
export async function startDashboard(label: string, options: DashboardOptions = {}): Promise<Dashboard> {
  const webRoot = await webBuildForRun();
  const dir = mkdtempSync(join(tmpdir(), `nous-e2e-${label}-`));
  const shots = process.env.NOUS_E2E_SHOTS ?? join(dir, "shots");
  mkdirSync(shots, { recursive: true });
  const contexts: BrowserContext[] = [];
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;

  const close = async (): Promise<void> => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    store = await openMigrated(join(dir, "nous.db"));
    await loadDemo(store);
    await options.seed?.(store);
    app = await buildServer({ store, webRoot });
    await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchBrowser();
  } catch (error) {
    await close();
    throw error;
  }
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const chromium = browser;

  return {
    base,
    browser: chromium,
    store,
    dir,
    async visitor(viewport = { width: 1280, height: 900 }) {
      const context = await chromium.newContext({ viewport });
      contexts.push(context);
      return context.newPage();
    },
    async signIn(page, username, password, next) {
      await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((u) => u.pathname === next.split("?")[0]);
    },
    async open(page, path, heading) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status()).toBe(200);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    },
    async screenshot(page, name) {
      const file = join(shots, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const png = readFileSync(file);
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      return png;
    },
    close,
  };
}

/** The WCAG levels the dashboard is held to: 2.0, 2.1 and 2.2, A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;

let axeSource: string | undefined;

export interface AxeOptions {
  /** What part of the page to check: CSS selectors, as axe's `include` takes them (default: all). */
  include?: string[];
  /** axe's rule tags to run (default: WCAG_TAGS); add "best-practice" for axe's own advice. */
  tags?: readonly string[];
}

/**
 * Runs axe-core in the page and answers its violations as one readable line each: the rule,
 * its impact, the first few elements (CSS selectors) and what the rule asks for. An empty
 * list is a pass.
 */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  axeSource ??= readFileSync(join(repo, "node_modules", "axe-core", "axe.min.js"), "utf8");
  const loaded = await page.evaluate("typeof window.axe === 'object'");
  if (loaded !== true) await page.evaluate(axeSource);
  const found = await page.evaluate(
    async ({ include, tags }) => {
      // The global axe-core puts on window; declared here, as the page's own code has no types for it.
      const axe = (window as unknown as { axe: AxeRunner }).axe;
      const context = include && include.length > 0 ? { include: include.map((s) => [s]) } : document;
      const result = await axe.run(context, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? "unknown",
        help: v.help,
        count: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
      }));
    },
    { include: options.include, tags: [...(options.tags ?? WCAG_TAGS)] },
  );
  return found.map(
    (v) =>
      `${v.id} (${v.impact}, ${v.count} element${v.count === 1 ? "" : "s"}: ${v.targets.join(", ")}): ${v.help}`,
  );
}

/** The part of axe-core's API the check uses. */
interface AxeRunner {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{
    violations: Array<{
      id: string;
      impact?: string | null;
      help: string;
      nodes: Array<{ target: string[] }>;
    }>;
  }>;
}
