/**
 * The scrutiny report in the browser: real Chromium against the real server on the demo store.
 * A scrutineer finds the download on the pipeline, a service and a contract page; the report it
 * downloads renders with its charts as SVG, asks for nothing over the network (every request the
 * page makes is recorded), and passes axe-core's WCAG checks. The public sees no download.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("the scrutiny report in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("report");
  }, 300_000);

  afterAll(async () => {
    await web?.close();
  });

  it("offers staff the report on the pipeline, a service and a contract page, and the public nothing", async () => {
    const visitor = await web.visitor();
    await web.open(visitor, "/contracts/sscl-bss", "Business support services (finance, procurement, HR)");
    expect(await visitor.locator("[data-report-download]").count()).toBe(0);

    const page = await web.visitor();
    await web.signIn(page, "scrutineer", "demo-scrutineer-pass", "/");
    const link = page.getByRole("link", { name: "Download the scrutiny report of the whole body (HTML)" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe("/api/report/scrutiny?format=html");
    await web.open(page, "/services/finance", "Finance");
    expect(
      await page
        .getByRole("link", { name: "Download the scrutiny report of this service (HTML)" })
        .getAttribute("href"),
    ).toBe("/api/report/scrutiny?format=html&service=finance");
    await web.open(page, "/contracts/sscl-bss", "Business support services (finance, procurement, HR)");
    expect(
      await page
        .getByRole("link", { name: "Download the scrutiny report of this contract (HTML)" })
        .getAttribute("href"),
    ).toBe("/api/report/scrutiny?format=html&contract=sscl-bss");
  }, 120_000);

  it("downloads a report that renders with its charts and asks for nothing over the network", async () => {
    const page = await web.visitor();
    await web.signIn(page, "scrutineer", "demo-scrutineer-pass", "/contracts/sscl-bss");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the scrutiny report of this contract (HTML)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^scrutiny-contract-sscl-bss-\d{4}-\d{2}-\d{2}\.html$/);
    const html = readFileSync((await download.path())!, "utf8");

    const report = await web.visitor();
    const requests: string[] = [];
    report.on("request", (r) => requests.push(r.url()));
    await report.setContent(html, { waitUntil: "load" });
    await report
      .getByRole("heading", { level: 1, name: /Scrutiny report: contract Business support services/ })
      .waitFor();
    const charts = report.locator("figure [role='img'] svg");
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    const box = await charts.first().boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(await report.locator("figure svg rect, figure svg path").count()).toBeGreaterThan(10);
    expect(await report.getByRole("heading", { level: 2, name: "Open questions" }).count()).toBe(1);
    expect(requests).toEqual([]);
    expect(await axeViolations(report)).toEqual([]);
    expect(requests).toEqual([]);
  }, 180_000);
});
