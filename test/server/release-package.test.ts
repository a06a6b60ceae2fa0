/**
 * The release package nous publishes is built once per change of its releases: two requests
 * get the same bytes, an import shows in the next request with a later publishedDate, and a
 * filter by ocid gives only that process's releases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server.close();
});

const get = async (path: string) => {
  const res = await fetch(server.base + path);
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
};

describe("GET /api/ocds/releases", () => {
  it("serves the same package until an import changes the releases", async () => {
    const first = await get("/api/ocds/releases");
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/^application\/json/);
    const again = await get("/api/ocds/releases");
    expect(again.text).toBe(first.text);
    const before = JSON.parse(first.text) as { publishedDate: string; releases: { id: string }[] };

    const release = {
      ocid: "ocds-pkg-test-1",
      id: "pkg-test-r1",
      date: "2026-11-30T00:00:00Z",
      tag: ["tender"],
      initiationType: "tender",
      buyer: { name: "Mayor's Office for Policing and Crime" },
    };
    const imported = await call(server, "commercial", "POST", "/api/ocds/releases", { releases: [release], reason: "test" });
    expect(imported.status).toBe(201);

    const after = JSON.parse((await get("/api/ocds/releases")).text) as typeof before;
    expect(after.releases.length).toBe(before.releases.length + 1);
    expect(after.releases.map((r) => r.id)).toContain("pkg-test-r1");
    expect(after.publishedDate > before.publishedDate).toBe(true);

    const one = JSON.parse((await get("/api/ocds/releases?ocid=ocds-pkg-test-1")).text) as typeof before;
    expect(one.releases.map((r) => r.id)).toEqual(["pkg-test-r1"]);
  });
});
