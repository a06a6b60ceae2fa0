/**
 * A release package too big to hold whole is compiled release by release: a 40 MB package, in a
 * Node heap of 40 MiB where parsing it whole dies, compiles through the real `nous` binary. (The
 * case of a 600 MB package takes the same path.)
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/ocds/types.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "nous-large-package-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OCIDS = 5000;

/** Writes a release package of about `bytes` bytes on one line: four releases per ocid, in turn. */
function writePackage(path: string, bytes: number): number {
  const fd = openSync(path, "w");
  writeSync(
    fd,
    '{"uri":"https://example.org/big","publisher":{"name":"Big publisher"},"publishedDate":"2024-01-01T00:00:00Z","version":"1.1","releases":[',
  );
  let size = 0;
  let n = 0;
  let parts: string[] = [];
  while (size < bytes) {
    const o = n % OCIDS;
    const step = Math.floor(n / OCIDS);
    const release = {
      ocid: `ocds-big-${o}`,
      id: `r-${n}`,
      date: `2021-01-01T00:00:${String(step % 60).padStart(2, "0")}Z`,
      tag: ["tender"],
      tender: {
        id: "t",
        title: `Tender ${o} step ${step}`,
        description: "Catering and cleaning services for the council offices. ".repeat(8),
        value: { amount: 1000 + step, currency: "GBP" },
      },
    };
    const s = (n ? "," : "") + JSON.stringify(release);
    parts.push(s);
    size += s.length;
    n++;
    if (parts.length >= 2000) {
      writeSync(fd, parts.join(""));
      parts = [];
    }
  }
  writeSync(fd, `${parts.join("")}],"extensions":[]}`);
  closeSync(fd);
  return n;
}

describe("a release package larger than the heap", () => {
  const file = join(dir, "package.json");
  const releases = writePackage(file, 40e6);

  it("cannot be parsed whole in a 40 MiB heap", () => {
    const whole = spawnSync(
      "node",
      [
        "--max-old-space-size=40",
        "-e",
        `JSON.parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`,
      ],
      { encoding: "utf8" },
    );
    expect(whole.status).not.toBe(0);
  });

  it("compiles release by release in that heap, every ocid once, the last release's values winning", () => {
    const r = spawnSync(
      "node",
      ["--max-old-space-size=40", "bin/nous.js", "ocds", "compile", "--quiet", "--memory-mb", "8", file],
      { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(OCIDS);
    const last = Math.floor((releases - 1) / OCIDS);
    const byOcid = new Map(
      lines.map((l) => [(JSON.parse(l) as JsonObject).ocid, JSON.parse(l) as JsonObject]),
    );
    // ocid 0 has a release at every step, up to the last.
    const tender = byOcid.get("ocds-big-0")!.tender as JsonObject;
    expect(tender.title).toBe(`Tender 0 step ${last}`);
    expect(tender.value).toEqual({ amount: 1000 + last, currency: "GBP" });
  }, 60_000);
});
