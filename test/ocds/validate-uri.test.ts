import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCodelists } from "../../src/io/ocds-schema.ts";
import type { Json, JsonObject } from "../../src/ocds/types.ts";
import { isIpv6, isUri } from "../../src/ocds/uri.ts";
import { createValidator } from "../../src/ocds/validate.ts";

const validator = createValidator({ codelists: loadCodelists() });
const errors = (doc: Json) => validator.validate(doc).filter((i) => i.severity === "error");

describe("URIs by RFC 3986", () => {
  it.each([
    ["placeholder:", "a scheme with an empty path"],
    ["urn:isbn:0451450523", "a URN (path-rootless)"],
    ["mailto:buyer@example.org", "mailto"],
    ["file:///srv/notices/1.pdf", "an empty authority"],
    ["https://example.org", "no path (path-abempty may be empty)"],
    ["https://example.org/a/b;c?d=e&f=g/h?#frag/?", "query and fragment with / and ?"],
    ["http://[::1]/", "IPv6 loopback"],
    ["http://[2001:db8::7]:8080/x", "IPv6 with a port"],
    ["http://[::ffff:192.0.2.1]/", "IPv6 with an IPv4 tail"],
    ["http://[1:2:3:4:5:6:7:8]/", "eight IPv6 pieces"],
    ["http://[v7.fe80::a+en1]/", "IPvFuture"],
    ["https://example.org/caf%C3%A9", "percent-encoding"],
    ["http://a%20b.example/", "percent-encoding in a host"],
    ["http://user:pw@host:80/p", "userinfo and port"],
    ["http://host:/", "an empty port"],
    ["a+b-c.d:x", "a scheme with + - ."],
  ])("accepts %s (%s)", (uri) => {
    expect(isUri(uri)).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["example.org/notice", "no scheme"],
    ["1http://example.org", "a scheme starting with a digit"],
    ["ht_tp://example.org", "an underscore in the scheme"],
    [":nothing", "an empty scheme"],
    ["http://exa mple.org", "a space"],
    ["https://example.org/%ZZ", "bad percent-encoding"],
    ["https://example.org/%4", "truncated percent-encoding"],
    ["https://example.org/€", "a non-ASCII character"],
    ["http://[::1/", "an unclosed IP literal"],
    ["http://[1::2::3]/", "two :: in IPv6"],
    ["http://[12345::]/", "an IPv6 piece of five digits"],
    ["http://[1:2:3:4:5:6:7:8:9]/", "nine IPv6 pieces"],
    ["http://[::256.0.0.1]/", "a bad IPv4 tail"],
    ["http://host:80a/", "a port with a letter"],
    ["http://a#b#c", "two fragments"],
    ["http://a@b@c/", "two @ in the authority"],
    ["http://h/p|q", "a character outside the grammar"],
  ])("rejects %s (%s)", (uri) => {
    expect(isUri(uri)).toBe(false);
  });

  it("checks IPv6 addresses piece by piece", () => {
    expect(isIpv6("::")).toBe(true);
    expect(isIpv6("1:2:3:4:5:6:7::")).toBe(true);
    expect(isIpv6("1:2:3:4:5:6:7:8::")).toBe(false);
    expect(isIpv6("1:2:3:4:5:6:1.2.3.4")).toBe(true);
    expect(isIpv6("1:2:3:4:5:6:7:1.2.3.4")).toBe(false);
  });

  it("validation accepts placeholder: in a uri field and reports a uri without a scheme", () => {
    const release = (url: string): JsonObject => ({
      ocid: "ocds-test-1",
      id: "1",
      date: "2020-01-01T00:00:00Z",
      tag: ["tender"],
      initiationType: "tender",
      tender: { id: "t1", documents: [{ id: "d1", url }] },
    });
    expect(errors(release("placeholder:"))).toEqual([]);
    expect(errors(release("http://[2001:db8::1]/notice"))).toEqual([]);
    expect(errors(release("www.example.org/notice")).map((i) => [i.path, i.message])).toEqual([
      ["$.tender.documents[0].url", 'expected a valid uri, got "www.example.org/notice"'],
    ]);
  });
});

describe("non-unique releases and records, every one", () => {
  const rel = (ocid: string, id: string, title: string): JsonObject => ({
    ocid,
    id,
    date: "2020-01-01T00:00:00Z",
    tag: ["tender"],
    initiationType: "tender",
    tender: { id: "t1", title },
  });
  const pkg = (releases: JsonObject[]): JsonObject => ({
    uri: "https://example.org/p",
    publishedDate: "2020-01-02T00:00:00Z",
    publisher: { name: "Example publisher" },
    version: "1.1",
    releases,
  });

  it("reports each (ocid, id) combination shared by releases with different content, naming all of them", () => {
    const doc = pkg([
      rel("ocds-a", "1", "first"),
      rel("ocds-a", "1", "second"),
      rel("ocds-b", "1", "other process, same id: fine"),
      rel("ocds-a", "2", "x"),
      rel("ocds-a", "2", "y"),
      rel("ocds-a", "1", "third"),
    ]);
    expect(errors(doc).map((i) => [i.code, i.path, i.message])).toEqual([
      [
        "non-unique-release",
        "$.releases[0]",
        'non-unique combination of ocid "ocds-a" and id "1": 3 releases have it ($.releases[0], $.releases[1] and $.releases[5]), with different content',
      ],
      [
        "non-unique-release",
        "$.releases[3]",
        'non-unique combination of ocid "ocds-a" and id "2": 2 releases have it ($.releases[3] and $.releases[4]), with different content',
      ],
    ]);
  });

  it("reports identical releases once each, not as a second uniqueItems finding", () => {
    const doc = pkg([rel("ocds-a", "1", "same"), rel("ocds-a", "1", "same"), rel("ocds-a", "1", "same")]);
    expect(errors(doc).map((i) => i.message)).toEqual([
      'non-unique combination of ocid "ocds-a" and id "1": 3 releases have it ($.releases[0], $.releases[1] and $.releases[2]), all identical',
    ]);
  });

  it("names every group of identical items in other arrays, not only the first pair", () => {
    const r = rel("ocds-a", "1", "x");
    (r.tender as JsonObject).items = [
      { id: "i1", description: "gravel" },
      { id: "i2", description: "sand" },
      { id: "i1", description: "gravel" },
      { description: "sand", id: "i2" },
    ];
    const found = errors(pkg([r])).filter((i) => i.code === "schema-uniqueItems");
    expect(found.map((i) => [i.path, i.message])).toEqual([
      ["$.releases[0].tender.items", "expected unique items; items 0 and 2 are the same"],
      ["$.releases[0].tender.items", "expected unique items; items 1 and 3 are the same"],
    ]);
  });

  it("reports records sharing an ocid in a record package", () => {
    const record = (ocid: string): JsonObject => ({
      ocid,
      releases: [{ url: "https://example.org/p#1", date: "2020-01-01T00:00:00Z", tag: ["tender"] }],
    });
    const doc = {
      uri: "https://example.org/records",
      publishedDate: "2020-01-02T00:00:00Z",
      publisher: { name: "Example publisher" },
      version: "1.1",
      records: [record("ocds-a"), record("ocds-b"), record("ocds-a")],
    };
    expect(errors(doc).map((i) => i.message)).toEqual([
      'non-unique ocid "ocds-a": 2 records have it ($.records[0] and $.records[2])',
    ]);
  });

  it("nous ocds validate --json writes one JSON object per finding", () => {
    const dir = mkdtempSync(join(tmpdir(), "nous-validate-json-"));
    const file = join(dir, "dupes.json");
    writeFileSync(
      file,
      JSON.stringify(pkg([rel("ocds-a", "1", "a"), rel("ocds-a", "1", "b"), rel("ocds-c", "9", "c")])),
    );
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const r = spawnSync("node", ["bin/nous.js", "ocds", "validate", "--json", file], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NOUS_QUIET: "1" },
    });
    expect(r.status).toBe(1);
    const findings = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as JsonObject);
    expect(findings).toEqual([
      {
        file,
        line: 1,
        path: "$.releases[0]",
        severity: "error",
        code: "non-unique-release",
        message:
          'non-unique combination of ocid "ocds-a" and id "1": 2 releases have it ($.releases[0] and $.releases[1]), with different content',
        schema: "1.1.5",
        schemaReason: 'the release package says "version": "1.1"',
      },
    ]);
  });
});
