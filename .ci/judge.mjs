// Judges a vitest JSON report for .ci/run: every test passed (none failed, skipped or todo), at
// least as many ran as the floor kept in .ci/test-floor, and every *.test.ts file git tracks
// appears in the report, so a suite that shrank (a deleted test, a file vitest stopped picking up)
// fails CI with a message naming what went missing instead of passing quietly.
//
// Usage: node .ci/judge.mjs REPORT EXIT_CODE [FLOOR_FILE] [EXPECTED_FILES...]
// With no expected files on the command line, the list is `git ls-files '*.test.ts'`.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The verdict on a parsed report. `expectedFiles` are paths relative to `root`; `floor` is the
 * least number of tests that must run (0 for none). Returns the summary line, the lines to print
 * and the problems (empty when green).
 */
export function judge({ report, rc, floor = 0, expectedFiles = [], root = process.cwd() }) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const notPassed = [];
  const suites = report?.testResults ?? [];
  for (const suite of suites) {
    for (const t of suite.assertionResults ?? []) {
      if (t.status === "passed") passed++;
      else if (t.status === "failed") failed++;
      else skipped++; // skipped, pending, todo, disabled
      if (t.status !== "passed") notPassed.push(`  ${t.status}: ${suite.name} > ${t.fullName ?? t.title}`);
    }
  }
  // A file that failed to load (syntax error, throwing import) has no tests but fails the run.
  const brokenFiles = suites.filter(
    (s) => s.status === "failed" && (s.assertionResults ?? []).every((t) => t.status !== "failed"),
  );
  failed += brokenFiles.length;
  const summary = `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
  const problems = [];
  if (rc !== 0) problems.push(`the test command exited with ${rc}`);
  if (failed > 0) problems.push(`${failed} failed`);
  if (skipped > 0) problems.push(`${skipped} skipped or todo (CI requires every test to run)`);
  if (passed + failed + skipped === 0) problems.push("no tests ran");
  for (const s of brokenFiles) problems.push(`file failed: ${s.name}: ${(s.message ?? "").split("\n")[0]}`);
  const total = passed + failed + skipped;
  if (total > 0 && total < floor)
    problems.push(
      `only ${total} tests ran, fewer than the floor of ${floor} in .ci/test-floor (a test was deleted or stopped being collected; if that was meant, lower the floor in the same commit)`,
    );
  const reported = new Set(suites.map((s) => relative(root, resolve(root, s.name)).split("\\").join("/")));
  const missing = expectedFiles.filter((f) => !reported.has(f));
  for (const f of missing.slice(0, 50)) notPassed.push(`  missing from the report: ${f}`);
  if (missing.length > 0)
    problems.push(
      `${missing.length} test file(s) tracked by git did not run (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", ..." : ""})`,
    );
  return { summary, passed, failed, skipped, notPassed, problems };
}

/** The floor in `file`: one whole number, `#` comments allowed; 0 when the file is absent. */
export function readFloor(file) {
  if (!file || !existsSync(file)) return 0;
  const text = readFileSync(file, "utf8").replace(/#.*$/gm, "").trim();
  if (!/^\d+$/.test(text)) throw new Error(`${file}: expected one whole number (the least number of tests that must run), got ${JSON.stringify(text.slice(0, 40))}`);
  return Number(text);
}

function trackedTestFiles(root) {
  const out = execFileSync("git", ["ls-files", "--", "*.test.ts"], { cwd: root, encoding: "utf8" });
  return out.split("\n").filter((f) => f !== "");
}

function main(argv) {
  const [file, rcText, floorFile, ...expectedArgs] = argv;
  const rc = Number(rcText);
  const root = process.cwd();
  if (!file || !existsSync(file)) {
    console.log("tests: 0 passed, 0 failed, 0 skipped");
    console.log(`ci: no test report at ${file}; the test command exited with ${rc} before reporting`);
    return 1;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  let expectedFiles = expectedArgs;
  if (expectedFiles.length === 0) {
    try {
      expectedFiles = trackedTestFiles(root);
    } catch (err) {
      console.log(`ci: could not list the test files git tracks (${err.message.split("\n")[0]}), so a missing file cannot be noticed`);
      return 1;
    }
  }
  const verdict = judge({ report, rc, floor: readFloor(floorFile), expectedFiles, root });
  console.log(verdict.summary);
  if (verdict.problems.length > 0) {
    for (const line of verdict.notPassed.slice(0, 100)) console.log(line);
    console.log(`ci: tests not green: ${verdict.problems.join("; ")}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
