/**
 * ocdskit's read options through the real `nous` binary: --encoding reads input in another
 * character encoding (a latin-1 export, a gzip file, stdin), --root-path picks the items to
 * process inside each JSON value (an API response, an array of packages).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/ocds/types.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "nous-read-options-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nous = (args: string[], input?: string | Buffer) =>
  spawnSync("node", ["bin/nous.js", "ocds", ...args], { cwd: root, input, encoding: "utf8" });
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const lines = (text: string) =>
  text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as JsonObject);

const releases: JsonObject[] = [
  {
    ocid: "ocds-enc-1",
    id: "1",
    date: "2020-01-01T00:00:00Z",
    tag: ["tender"],
    tender: { id: "t", title: "Café et boulangerie, 5 000 €" },
  },
  {
    ocid: "ocds-enc-1",
    id: "2",
    date: "2020-02-01T00:00:00Z",
    tag: ["award"],
    awards: [{ id: "a", title: "Société Générale — lot 1" }],
  },
  { ocid: "ocds-enc-2", id: "3", date: "2020-03-01T00:00:00Z", tag: ["planning"] },
];
const pkg = { uri: "https://example.org/p", version: "1.1", publishedDate: "2020-03-02T00:00:00Z", releases };

/** Text in windows-1252, which is what latin-1 means to TextDecoder (and to browsers). */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { "€": 0x80, "—": 0x97 };
  return Buffer.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

describe("nous ocds --encoding", () => {
  const latin = file("latin.json", windows1252(JSON.stringify(pkg)));
  const expected = lines(nous(["compile", file("utf8.json", JSON.stringify(pkg))]).stdout);

  it("compiles a latin-1 file as its UTF-8 twin compiles", () => {
    expect(expected).toHaveLength(2);
    expect((expected[0]!.tender as JsonObject).title).toBe("Café et boulangerie, 5 000 €");
    for (const enc of ["latin-1", "iso-8859-1", "windows-1252"]) {
      const r = nous(["compile", "--encoding", enc, latin]);
      expect(r.status, r.stderr).toBe(0);
      expect(lines(r.stdout)).toEqual(expected);
    }
  });

  it("reads gzip and stdin in the encoding given, and says which encodings it does not know", () => {
    const gz = file("latin.json.gz", gzipSync(windows1252(JSON.stringify(pkg))));
    const r = nous(["echo", "--encoding", "latin-1", gz]);
    expect(r.status, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual([pkg]);
    // validate, from stdin: the same findings as for the UTF-8 text.
    const stdin = nous(["validate", "--json", "--encoding", "latin1", "-"], windows1252(JSON.stringify(pkg)));
    expect(stdin.stdout).not.toBe("");
    expect(stdin.stdout).toBe(nous(["validate", "--json", "-"], JSON.stringify(pkg)).stdout);
    const bad = nous(["compile", "--encoding", "klingon", latin]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--encoding: unknown encoding "klingon"');
  });
});

describe("nous ocds --root-path", () => {
  const expected = lines(nous(["compile", file("pkg.json", JSON.stringify(pkg))]).stdout);

  it("compiles the releases of an API response at the path given, an array there giving its values", () => {
    const api = file("api.json", JSON.stringify({ meta: { page: 1 }, data: { results: releases } }));
    for (const path of ["data.results", "data.results.item"]) {
      const r = nous(["compile", "--root-path", path, api]);
      expect(r.status, r.stderr).toBe(0);
      expect(lines(r.stdout)).toEqual(expected);
    }
  });

  it("takes item for the values of a top-level array, and item.releases.item for the releases of an array of packages", () => {
    const array = file("array.json", JSON.stringify(releases));
    expect(lines(nous(["echo", "--root-path", "item", array]).stdout)).toEqual(releases);
    const packages = file(
      "packages.json",
      JSON.stringify([
        { ...pkg, releases: releases.slice(0, 1) },
        { ...pkg, releases: releases.slice(1) },
      ]),
    );
    const r = nous(["compile", "--root-path", "item.releases.item", packages]);
    expect(r.status, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(expected);
    const tenders = nous(["echo", "--root-path", "releases.item.tender"], JSON.stringify(pkg));
    expect(lines(tenders.stdout)).toEqual([releases[0]!.tender]);
  });

  it("refuses an input with nothing at the path, naming the file and the path", () => {
    const f = file("nothing.json", JSON.stringify(pkg));
    const r = nous(["compile", "--root-path", "records.item", f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${f}: nothing found at --root-path records.item`);
  });
});
