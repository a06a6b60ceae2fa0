/**
 * `nous` starts at once: `bin/nous.js` runs the build in dist/ (the vitest global setup has just
 * built it) and each command's modules load only when that command runs. This is what a user
 * notices at the terminal: `nous --version` within 5x a bare `node -e 0`, and `--help` naming
 * every command without loading the store, the server or the engines.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "nous-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS; // vitest's own loader options would slow both runs alike but blur the point
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", env });
}

function nous(...args: string[]) {
  const r = node(["bin/nous.js", ...args]);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function wallMs(args: string[]): number {
  const start = performance.now();
  const r = node(args);
  const ms = performance.now() - start;
  expect(r.status, r.stderr).toBe(0);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median of 5 runs of each, interleaved so a burst of load on the machine hits both alike. */
function startupRatio(): { ratio: number; nousMs: number; nodeMs: number } {
  const nousRuns: number[] = [];
  const nodeRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    nodeRuns.push(wallMs(["-e", "0"]));
    nousRuns.push(wallMs(["bin/nous.js", "--version"]));
  }
  const nousMs = median(nousRuns);
  const nodeMs = median(nodeRuns);
  return { ratio: nousMs / nodeMs, nousMs, nodeMs };
}

/** Every command below `cmd`, as the words a user types (["db", "backup"]). */
function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

describe("nous starts at once", () => {
  it("prints the package's version, 0.1.0, and nothing on stderr", () => {
    const r = nous("--version");
    expect(r.code).toBe(0);
    expect(r.out).toBe("0.1.0\n");
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version).toBe("0.1.0");
    expect(r.err).toBe("");
  });

  it("runs `nous --version` within 5x a bare `node -e 0` (median of 5)", () => {
    let m = startupRatio();
    // One retry: a shared 2-core machine can stall a whole round of runs.
    if (m.ratio >= 5) m = startupRatio();
    expect(
      m.ratio,
      `nous --version ${m.nousMs.toFixed(0)} ms, node -e 0 ${m.nodeMs.toFixed(0)} ms (median of 5)`,
    ).toBeLessThan(5);
  });

  it("loads no package but commander for --version and --help: each command loads its own modules", () => {
    // A module hook that names every module Node loads, on stderr.
    writeFileSync(
      join(dir, "hooks.mjs"),
      'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }\n',
    );
    writeFileSync(
      join(dir, "register.mjs"),
      `import { register } from "node:module"; register(${JSON.stringify(`file://${join(dir, "hooks.mjs")}`)});\n`,
    );
    for (const flag of ["--version", "--help"]) {
      const r = node(["--import", join(dir, "register.mjs"), "bin/nous.js", flag]);
      expect(r.status, r.stderr).toBe(0);
      const loaded = r.stderr
        .split("\n")
        .filter((l) => l.startsWith("LOADED "))
        .map((l) => l.slice("LOADED ".length));
      // The build ran, not the TypeScript sources through tsx.
      expect(loaded).toContain(new URL("dist/src/cli/main.js", `file://${ROOT}`).href);
      const packages = new Set(
        loaded.flatMap((u) => {
          const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
          return m ? [m[1]!] : [];
        }),
      );
      expect([...packages], flag).toEqual(["commander"]);
      expect(
        loaded.filter(
          (u) =>
            /\/dist\/src\/(store|server|io|ocds|flags|billing|decide)\//.test(u) &&
            !u.endsWith("/store/schema.js"),
        ),
      ).toEqual([]);
    }
  });

  it("lists every command in --help, and every subcommand in its group's --help", () => {
    const top = nous("--help");
    expect(top.code).toBe(0);
    for (const name of [
      "serve",
      "demo",
      "db",
      "users",
      "audit",
      "ocds",
      "flags",
      "decide",
      "horizon",
      "appraise",
      "billing",
    ])
      expect(top.out).toMatch(new RegExp(`^  ${name}\\b`, "m"));
    const program = buildProgram();
    for (const path of commandPaths(program).filter((p) => p.length > 1)) {
      const group = nous(...path.slice(0, -1), "--help");
      expect(group.code).toBe(0);
      expect(group.out, path.join(" ")).toMatch(new RegExp(`^  ${path.at(-1)}\\b`, "m"));
    }
  });
});
