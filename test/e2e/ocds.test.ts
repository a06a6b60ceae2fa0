/**
 * OCDS in the dashboard end to end: real Chromium against the real server on a real SQLite
 * database holding the demo. A visitor reads the data quality page (coverage and a failing
 * check with its ocid and reason); a contract manager sees the SSCL contract's notices, opens
 * the UK10 JSON and publishes it; a commercial lead imports a release package on the Open data
 * page, and a bad one is refused with its JSON path.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importReleases } from "../../src/store/releases.ts";
import { describeBrowser } from "../support/browser.ts";
import { type Dashboard, startDashboard } from "./harness.ts";

const MISMATCH = {
  ocid: "ocds-nous01-demo-e2e-quality",
  id: "e2e-quality-award",
  date: "2024-02-01T00:00:00Z",
  tag: ["award", "contract"],
  initiationType: "tender",
  buyer: { id: "nous-demo-mopac", name: "Mayor's Office for Policing and Crime" },
  parties: [{ id: "nous-demo-mopac", name: "Mayor's Office for Policing and Crime", roles: ["buyer"] }],
  awards: [{ id: "a1", status: "active", value: { amount: 100000, currency: "GBP" } }],
  contracts: [{ id: "c1", awardID: "a1", status: "active", value: { amount: 400000, currency: "GBP" } }],
};

describeBrowser("OCDS pages in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("ocds", {
      seed: (store) =>
        importReleases(store, [MISMATCH], { username: "test", reason: "a contract worth 4x its award" }),
    });
  });

  afterAll(async () => {
    await web?.close();
  });

  it("shows a visitor the field coverage and a failing check with its ocid and reason", async () => {
    const page = await web.visitor();
    await page.goto(`${web.base}/`);
    await page.getByRole("link", { name: "Data quality" }).click();
    await page.getByRole("heading", { level: 1, name: "Data quality" }).waitFor();
    const coverage = page.getByRole("region", { name: "Field coverage of the compiled releases" });
    await coverage.waitFor();
    const amount = coverage.locator("tr", { hasText: "/awards[]/value/amount" });
    // Every process with an award has its amount; the open custody healthcare tender has no award yet.
    expect(await amount.innerText()).toMatch(/\t66\t98\.5%$/);
    const check = page.locator('[data-check="contract-award-value"]');
    const text = await check.innerText();
    expect(text).toMatch(/1 of \d+ processes fail/);
    expect(text).toContain("What it detects");
    expect(text).toContain("Why it matters to an auditor");
    expect(text).toContain("ocds-nous01-demo-e2e-quality");
    expect(await page.locator('[data-check="period-order"]').innerText()).toMatch(/all \d+ pass/);
    await web.screenshot(page, "ocds-quality");
  });

  it("shows a contract manager the SSCL notices, the UK10 JSON, and publishes it", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/sscl-bss");
    const notices = page.locator("section", {
      has: page.getByRole("heading", { name: "Procurement Act notices" }),
    });
    await notices.locator('[data-notice="UK10"]').waitFor();
    expect(await notices.locator('[data-notice="UK7"]').innerText()).toContain(
      "contract entered into with 3 KPIs",
    );
    expect(await notices.locator('[data-notice="UK11"]').innerText()).toContain(
      "UK11 needs a termination: the contract has not ended",
    );
    expect(await notices.locator('[data-notice="UK1"]').innerText()).toContain("comes before the award");
    await page.getByRole("button", { name: "View UK10 JSON" }).click();
    const json = notices.locator('pre[data-json="UK10"]');
    await json.waitFor();
    const release = JSON.parse(await json.innerText()) as {
      tag: string[];
      contracts: { amendments: unknown[] }[];
    };
    expect(release.tag).toEqual(["contractAmendment"]);
    expect(release.contracts[0]!.amendments).toHaveLength(1);
    await page.getByRole("button", { name: "Publish UK10" }).click();
    expect(await notices.locator('[data-notice="UK10"] [role="status"]').innerText()).toContain(
      "UK10 published: it is now in the open data export.",
    );
    await notices.locator('[data-notice="UK10"]', { hasText: "published" }).waitFor();
    await web.screenshot(page, "ocds-contract-notices");
    const held = await web.store.db
      .selectFrom("releases")
      .select("release_id")
      .where("release_id", "=", "ocds-nous01-mopac-sscl-2015-UK10-sscl-bss-extension-2027")
      .execute();
    expect(held).toHaveLength(1);
  });

  it("lets a commercial lead import a release package, and refuses a bad one naming the path", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/open-data");
    await page.getByRole("heading", { level: 1, name: "Open data" }).waitFor();
    const good = join(web.dir, "good.json");
    const bad = join(web.dir, "bad.json");
    const release = { ...MISMATCH, ocid: "ocds-nous01-demo-e2e-import", id: "e2e-import-1" };
    writeFileSync(
      good,
      JSON.stringify({
        uri: "x",
        publishedDate: "2024-01-01T00:00:00Z",
        version: "1.1",
        releases: [release],
      }),
    );
    writeFileSync(bad, JSON.stringify({ releases: [{ ...release, id: "e2e-import-2", date: "yesterday" }] }));
    await page.getByLabel("File").setInputFiles(bad);
    await page.getByLabel("Reason").fill("council data");
    await page.getByRole("button", { name: "Import" }).click();
    expect(await page.getByRole("alert").innerText()).toContain("$.releases[0].date");
    await page.getByLabel("File").setInputFiles(good);
    await page.getByRole("button", { name: "Import" }).click();
    expect(await page.getByRole("status").innerText()).toContain(
      "1 releases received: 1 added, 0 already held.",
    );
    await web.screenshot(page, "ocds-open-data");
  });
});
