/**
 * "Engines are pure" (ARCHITECTURE.md), checked: no module under an engine's folder imports a
 * file, socket, process or thread API, reads the environment or the clock, or reaches into the
 * store, the adapters, the use cases or the server. "Today" and every input are passed in. Tests
 * beside the engines are exempt (they may read fixtures).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repo } from "../e2e/harness.ts";

const ENGINES = ["ocds", "flags", "decide", "manage", "billing", "report"];
const FORBIDDEN: [RegExp, string][] = [
  [
    /from "node:(fs|fs\/promises|net|http|https|child_process|worker_threads|os|dgram|tls)"/,
    "a file, socket, process or thread API",
  ],
  [/\bprocess\.(env|argv|cwd|exit|stdout|stderr)\b/, "the process or its environment"],
  [/\bDate\.now\(\)|new Date\(\)/, "the clock"],
  [/from "(\.\.\/)+(store|io|app|server|cli)\//, "the store, the adapters, the use cases or the server"],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("engines are pure", () => {
  it("no engine module touches files, sockets, the environment, the clock or the store", () => {
    const found: string[] = [];
    for (const engine of ENGINES)
      for (const file of files(join(repo, "src", engine))) {
        const text = readFileSync(file, "utf8");
        for (const [pattern, what] of FORBIDDEN)
          if (pattern.test(text)) found.push(`${relative(repo, file)} reaches ${what}`);
      }
    expect(found).toEqual([]);
  });
});
