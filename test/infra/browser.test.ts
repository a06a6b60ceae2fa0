/**
 * Proves the test run drives a real Chromium: a real HTTP server on 127.0.0.1 serves a page,
 * Chromium renders it (including its script), and a screenshot lands on disk as a PNG.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, describeBrowser, findChromium, launchBrowser } from "../support/browser.ts";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>nous infra check</title></head>
<body>
  <h1 id="title">Invoice check</h1>
  <p id="total"></p>
  <script>document.getElementById("total").textContent = "Total: £" + (125000 / 100).toFixed(2);</script>
</body></html>`;

describe("browserAvailable", () => {
  it("matches whether a Chromium executable was found", () => {
    expect(browserAvailable()).toBe(findChromium() !== null);
  });
});

describeBrowser("Chromium for tests", () => {
  let server: Server;
  let baseUrl: string;
  let shots: string;

  beforeAll(async () => {
    shots = mkdtempSync(join(tmpdir(), "nous-shots-"));
    server = createServer((req, res) => {
      if (req.url === "/") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(PAGE);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    if (shots) rmSync(shots, { recursive: true, force: true });
  });

  it("renders a page from a local server and saves a PNG screenshot", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const response = await page.goto(`${baseUrl}/`);
      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe("nous infra check");
      expect(await page.locator("#title").textContent()).toBe("Invoice check");
      expect(await page.locator("#total").textContent()).toBe("Total: £1250.00");

      const file = join(shots, "page.png");
      await page.screenshot({ path: file, fullPage: true });
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(100);
      // PNG signature: 89 50 4E 47 0D 0A 1A 0A
      expect(readFileSync(file).subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    } finally {
      await browser.close();
    }
  });
});
