/**
 * The scrutiny report as a PDF: Chromium prints the report's HTML (src/report/html.ts) on A4 with
 * a running header (the report's title and the date its data was read) and page numbers in the
 * footer; the HTML's print styles put the cover and the contents page on pages of their own and
 * start each section on a new page, so the PDF reads as the HTML does. The page may load nothing:
 * every request it makes is refused (the HTML holds everything it shows).
 *
 * Chromium comes from NOUS_CHROMIUM, else /usr/bin/chromium or /usr/bin/chromium-browser, driven by
 * playwright-core (loaded only when a PDF is asked for).
 */
import { accessSync, constants } from "node:fs";
import { InputError } from "../shared/errors.ts";

/** The same flags the test suite launches Chromium with (test/support/chromium-path.ts). */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.NOUS_CHROMIUM
    ? [env.NOUS_CHROMIUM]
    : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const p of candidates) {
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // try the next
    }
  }
  throw new InputError(
    `a PDF needs Chromium, and none is at ${candidates.join(" or ")}: install it (Debian: apt-get install chromium), set NOUS_CHROMIUM to its path, or use --format html`,
  );
}

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

export interface PdfOptions {
  /** The running header's left side (the report's title). */
  title: string;
  /** The date the data was read, on the header's right. */
  dataReadOn: string;
}

/** Prints self-contained HTML to an A4 PDF with a running header and page numbers. */
export async function htmlToPdf(html: string, o: PdfOptions): Promise<Buffer> {
  const executablePath = chromiumPath();
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    throw new InputError(
      "a PDF needs the playwright-core package (npm install playwright-core), or use --format html",
    );
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const style = "font-family: sans-serif; font-size: 8pt; color: #44474d; width: 100%; margin: 0 15mm;";
    return await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${style} display: flex; justify-content: space-between;"><span>${esc(o.title)}</span><span>Data read on ${esc(o.dataReadOn)}</span></div>`,
      footerTemplate: `<div style="${style} text-align: center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
      margin: { top: "20mm", bottom: "18mm", left: "15mm", right: "15mm" },
      outline: true,
      tagged: true,
    });
  } finally {
    await browser.close();
  }
}
