/**
 * The verdict .ci/run gives on a test report (.ci/judge.mjs), on small made-up reports: a suite
 * that shrank below the floor or lost a test file fails with a message naming what went missing,
 * without running the whole suite to find out.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script for CI, with no type declarations.
import { judge, readFloor } from "../../.ci/judge.mjs";

interface Verdict {
  summary: string;
  problems: string[];
  notPassed: string[];
}

const root = "/repo";
const suite = (name: string, statuses: string[], status = "passed") => ({
  name: `${root}/${name}`,
  status,
  message: status === "failed" ? "Error: Cannot find module './gone.ts'\n    at ..." : "",
  assertionResults: statuses.map((s, i) => ({ status: s, title: `t${i}`, fullName: `case ${i}` })),
});
const report = {
  testResults: [suite("test/a.test.ts", ["passed", "passed"]), suite("src/b.test.ts", ["passed"])],
};
const verdict = (over: Record<string, unknown>): Verdict =>
  judge({ report, rc: 0, floor: 3, expectedFiles: ["test/a.test.ts", "src/b.test.ts"], root, ...over });

const dir = mkdtempSync(join(tmpdir(), "nous-ci-judge-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(".ci/judge.mjs", () => {
  it("passes a green report that meets the floor and has every expected file", () => {
    const v = verdict({});
    expect(v.summary).toBe("tests: 3 passed, 0 failed, 0 skipped");
    expect(v.problems).toEqual([]);
  });

  it("fails when fewer tests ran than the floor, saying how many ran and the floor", () => {
    const v = verdict({ floor: 4 });
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]).toContain("only 3 tests ran, fewer than the floor of 4 in .ci/test-floor");
  });

  it("fails when a tracked test file is missing from the report, naming it", () => {
    const v = verdict({ expectedFiles: ["test/a.test.ts", "src/b.test.ts", "test/fuzz/gone.test.ts"] });
    expect(v.problems).toEqual([
      "1 test file(s) tracked by git did not run (test/fuzz/gone.test.ts)",
    ]);
    expect(v.notPassed).toContain("  missing from the report: test/fuzz/gone.test.ts");
  });

  it("still fails on failed, skipped and broken files and on a non-zero exit, as before", () => {
    const bad = {
      testResults: [
        suite("test/a.test.ts", ["passed", "failed", "skipped", "todo"], "failed"),
        suite("src/b.test.ts", [], "failed"),
      ],
    };
    const v = judge({ report: bad, rc: 1, floor: 0, expectedFiles: [], root });
    expect(v.summary).toBe("tests: 1 passed, 2 failed, 2 skipped");
    expect(v.problems).toEqual([
      "the test command exited with 1",
      "2 failed",
      "2 skipped or todo (CI requires every test to run)",
      "file failed: /repo/src/b.test.ts: Error: Cannot find module './gone.ts'",
    ]);
    expect(judge({ report: { testResults: [] }, rc: 0, root }).problems).toEqual(["no tests ran"]);
  });

  it("reads the floor file (comments allowed) and refuses one that is not a number", () => {
    const good = join(dir, "floor");
    writeFileSync(good, "# least tests\n607\n");
    expect(readFloor(good)).toBe(607);
    expect(readFloor(join(dir, "absent"))).toBe(0);
    const bad = join(dir, "bad");
    writeFileSync(bad, "six hundred\n");
    expect(() => readFloor(bad)).toThrow(/expected one whole number/);
  });

  it("as a command: exits 1 and prints the summary and the reason", () => {
    const file = join(dir, "report.json");
    writeFileSync(file, JSON.stringify(report));
    const floor = join(dir, "floor-high");
    writeFileSync(floor, "10\n");
    const run = spawnSync("node", [".ci/judge.mjs", file, "0", floor, "test/a.test.ts"], {
      encoding: "utf8",
      cwd: join(import.meta.dirname, "../.."),
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("tests: 3 passed, 0 failed, 0 skipped");
    expect(run.stdout).toContain("ci: tests not green: only 3 tests ran, fewer than the floor of 10");
    const ok = spawnSync("node", [".ci/judge.mjs", join(dir, "nothing.json"), "2", floor], {
      encoding: "utf8",
      cwd: join(import.meta.dirname, "../.."),
    });
    expect(ok.status).toBe(1);
    expect(ok.stdout).toContain("no test report at");
  });
});
