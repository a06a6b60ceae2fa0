/**
 * Every dashboard page against WCAG 2.0, 2.1 and 2.2 A and AA (axe-core, in real Chromium), as
 * the handbook promises: each page is opened as the role that sees the most of it (an
 * administrator; the login page signed out), with its forms and folded sections open, and must
 * have no violations, one level-1 heading, a tab title naming the page, and a first Tab stop on
 * the "skip to main content" link, which takes the keyboard to the page's main content, from
 * where each Tab stop shows its focus.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { putValidDocument } from "../../src/app/decide.ts";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, repo, startDashboard, WCAG_TAGS } from "./harness.ts";

const simpleCase = JSON.parse(readFileSync(join(repo, "docs/decide/examples/simple-case.json"), "utf8"));

interface PageCase {
  /** What the test calls it. */
  name: string;
  /** The path, or a function finding it from a page already open (a link on a list). */
  path: string | ((page: Page) => Promise<string>);
  /** The level-1 heading. */
  heading: RegExp;
  /** The tab's title. */
  title: RegExp;
  /** Who looks: an administrator (the default) or a visitor who is not signed in. */
  as?: "admin" | "public";
  /** Something to do before the check: open a form, show a state. */
  prepare?: (page: Page) => Promise<void>;
}

/** The href of the first link on `from` whose path starts with `prefix`. */
function firstLink(from: string, prefix: string): (page: Page) => Promise<string> {
  return async (page) => {
    await page.goto(from);
    const link = page.locator(`main a[href^="${prefix}"]`).first();
    await link.waitFor();
    const href = await link.getAttribute("href");
    if (!href) throw new Error(`no link to ${prefix}… on ${from}`);
    return href;
  };
}

const PAGES: PageCase[] = [
  {
    name: "pipeline board",
    path: "/",
    heading: /^Market-testing pipeline$/,
    title: /^Market-testing pipeline · nous$/,
  },
  {
    name: "pipeline list view",
    path: "/?view=list",
    heading: /^Market-testing pipeline$/,
    title: /^Market-testing pipeline · nous$/,
  },
  { name: "service", path: "/services/finance", heading: /^Finance/, title: /^Finance · nous$/ },
  {
    name: "contracts register",
    path: "/contracts",
    heading: /^Contract register$/,
    title: /^Contract register · nous$/,
  },
  {
    name: "contract page with its manage forms",
    path: "/contracts/sscl-bss",
    heading: /^Business support services/,
    title: /^Business support services \(finance, procurement, HR\) · nous$/,
  },
  {
    name: "contract page, a manage form refused (its error shown)",
    path: "/contracts/sscl-bss",
    heading: /^Business support services/,
    title: /^Business support services \(finance, procurement, HR\) · nous$/,
    prepare: async (page) => {
      await page.getByText("Add a key performance indicator").click();
      const form = page.getByRole("form", { name: "Add a key performance indicator" });
      await form.getByRole("button", { name: "Record KPI" }).click();
      await page.locator('[data-form="kpi"] [role="alert"]').waitFor();
    },
  },
  {
    name: "contract form (owners, term, payment mechanism), an owner's share refused",
    path: "/contracts/sscl-bss/edit",
    heading: /^Change Business support services/,
    title: /^Change Business support services \(finance, procurement, HR\) · nous$/,
    prepare: async (page) => {
      const form = page.getByRole("form", { name: "Contract record" });
      await form.getByRole("button", { name: "Add an owner" }).click();
      await form.getByLabel("Owner 4: name").fill("Another plc");
      await form.getByLabel("Owner 4: share").fill("10%");
      await page.getByText(/more than 100%/).first().waitFor();
    },
  },
  {
    name: "decide list with its document form",
    path: "/appraisals",
    heading: /^Appraisals$/,
    title: /^Appraisals · nous$/,
  },
  {
    name: "decide page of a deal holding every kind of document (appraisal, DMA, workforce, capability, horizon)",
    path: "/appraisals/sscl-bss",
    heading: /^Appraisal: Business support services/,
    title: /^Appraisal: Business support services \(finance, procurement, HR\) · nous$/,
  },
  {
    name: "decide page of a deal with no documents yet, with the gate form",
    path: "/appraisals/em-tagging",
    heading: /^Appraisal: Electronic monitoring/,
    title: /^Appraisal: Electronic monitoring.* · nous$/,
  },
  {
    name: "decide page of an appraisal case for a service (no contract)",
    path: "/appraisals/a11y-case?view=case",
    heading: /^Appraisal: Catering: keep or outsource/,
    title: /^Appraisal: Catering: keep or outsource · nous$/,
  },
  {
    name: "payment profile form, a bad date named in words",
    path: "/horizon/new",
    heading: /^New payment profile$/,
    title: /^New payment profile · nous$/,
    prepare: async (page) => {
      await page.getByLabel("Decision date").fill("2023-13-01");
      await page.getByTestId("horizon-problems").waitFor();
    },
  },
  {
    name: "delivery model assessment form with its versions",
    path: "/dma/sscl-bss-dma/edit",
    heading: /^Delivery model assessment: /,
    title: /^Change a delivery model assessment · nous$/,
  },
  { name: "flags", path: "/flags?run=1", heading: /^Red flags$/, title: /^Red flags · nous$/ },
  {
    name: "flags indicator page",
    path: (page) => firstLink(`${web.base}/flags`, "/flags/indicators/")(page),
    heading: /^\S+ \S/,
    title: / · nous$/,
  },
  {
    name: "billing queue",
    path: "/billing",
    heading: /^Billing assurance$/,
    title: /^Billing assurance · nous$/,
  },
  {
    name: "billing exception page",
    path: (page) => firstLink(`${web.base}/billing`, "/billing/exceptions/")(page),
    heading: /\S+ .+: /,
    title: / · nous$/,
  },
  { name: "OCDS open data", path: "/open-data", heading: /^Open data$/, title: /^Open data · nous$/ },
  {
    name: "OCDS data quality",
    path: "/data-quality",
    heading: /^Data quality$/,
    title: /^Data quality · nous$/,
  },
  { name: "audit trail", path: "/audit", heading: /^Audit trail$/, title: /^Audit trail · nous$/ },
  { name: "accounts", path: "/accounts", heading: /^Accounts$/, title: /^Accounts · nous$/ },
  {
    name: "accounts, one account's forms",
    path: "/accounts?user=contracts",
    heading: /^Accounts$/,
    title: /^Accounts · nous$/,
  },
  {
    name: "accounts, the add form refused (its error shown)",
    path: "/accounts",
    heading: /^Accounts$/,
    title: /^Accounts · nous$/,
    prepare: async (page) => {
      await page.getByText("Add an account").first().click();
      const form = page.getByRole("form", { name: "Add an account" });
      await form.getByRole("button", { name: "Add account" }).click();
      await page.locator('[data-form="add-account"] [role="alert"]').waitFor();
    },
  },
  { name: "your account", path: "/account", heading: /^Your account$/, title: /^Your account · nous$/ },
  {
    name: "login, signed out",
    path: "/login",
    heading: /^Sign in$/,
    title: /^Sign in · nous$/,
    as: "public",
  },
  {
    name: "login after a wrong password",
    path: "/login",
    heading: /^Sign in$/,
    title: /^Sign in · nous$/,
    as: "public",
    prepare: async (page) => {
      await page.getByLabel("Username").fill("admin");
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").waitFor();
    },
  },
  { name: "not found", path: "/no/such/page", heading: /^Page not found$/, title: /^Page not found · nous$/ },
  {
    name: "contract page, signed out",
    path: "/contracts/sscl-bss",
    heading: /^Business support services/,
    title: /^Business support services \(finance, procurement, HR\) · nous$/,
    as: "public",
  },
  {
    name: "decide page, signed out",
    path: "/appraisals/sscl-bss",
    heading: /^Appraisal: Business support services/,
    title: /^Appraisal: Business support services \(finance, procurement, HR\) · nous$/,
    as: "public",
  },
  {
    name: "billing queue, signed out (refused, with a sign-in link)",
    path: "/billing",
    heading: /^Billing assurance$/,
    title: /^Billing assurance · nous$/,
    as: "public",
  },
  {
    name: "audit trail, signed out (refused, with a sign-in link)",
    path: "/audit",
    heading: /^Audit trail$/,
    title: /^Audit trail · nous$/,
    as: "public",
  },
  {
    name: "pipeline, signed out",
    path: "/",
    heading: /^Market-testing pipeline$/,
    title: /^Market-testing pipeline · nous$/,
    as: "public",
  },
];

let web: Dashboard;
const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 800 };

/** Waits until the page has its data: no loading notice left, and the fonts and charts settled. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll(".loading").length === 0);
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.querySelectorAll(".loading").length === 0);
}

/** Opens every folded section (the forms behind a summary), as someone using the page would. */
async function unfold(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
}

const MAX_TAB_STOPS = 150;

/** Tabs through the page and names each stop with no visible focus, or none at all. */
async function unfocusableStops(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < MAX_TAB_STOPS; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      const outlined = s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) > 0;
      const text = (el.textContent ?? "").trim().slice(0, 40);
      return {
        name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${text}"`,
        shown: r.width > 0 && r.height > 0,
        indicated: outlined || s.boxShadow !== "none",
      };
    });
    if (!stop) break; // past the last stop: focus went back to the page
    if (!stop.shown) problems.push(`${stop.name}: has focus but takes no space on screen`);
    else if (!stop.indicated) problems.push(`${stop.name}: no outline or shadow when focused`);
  }
  return problems;
}

describeBrowser("accessibility of every dashboard page", () => {
  let admin: Page;

  beforeAll(async () => {
    web = await startDashboard("a11y", {
      seed: (store) =>
        store.db.transaction().execute((trx) =>
          putValidDocument(
            trx,
            {
              kind: "appraisal",
              id: "a11y-case",
              serviceId: "catering",
              contractId: null,
              title: "Catering: keep or outsource",
              document: simpleCase,
              published: false,
            },
            { username: "a11y-test", reason: "a case with no contract, for the accessibility check" },
          ),
        ),
    });
    admin = await web.visitor();
    await web.signIn(admin, "admin", "demo-admin-pass", "/");
  });

  afterAll(async () => {
    await web?.close();
  });

  describe.each(PAGES)("$name", (c) => {
    it("has no WCAG 2.2 A/AA violations (wide or 320 px), an h1, a title naming it, a skip link as the first Tab stop and visible focus", async () => {
      const page = c.as === "public" ? await web.visitor() : admin;
      await page.setViewportSize(DESKTOP);
      const path = typeof c.path === "string" ? c.path : await c.path(page);
      const res = await page.goto(`${web.base}${path}`);
      expect(res?.status()).toBe(200);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await settled(page);
      await c.prepare?.(page);
      await unfold(page);

      const h1s = await page.getByRole("heading", { level: 1 }).allTextContents();
      expect(h1s).toHaveLength(1);
      expect(h1s[0]?.trim()).toMatch(c.heading);
      expect(await page.title()).toMatch(c.title);

      expect(await axeViolations(page, { tags: [...WCAG_TAGS, "best-practice"] })).toEqual([]);

      // Reflow (WCAG 1.4.10): at 320 CSS pixels wide nothing makes the page scroll sideways
      // (wide tables scroll inside their own box), and the narrow layout passes too.
      await page.setViewportSize(NARROW);
      await page.reload();
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await settled(page);
      await c.prepare?.(page);
      await unfold(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        NARROW.width,
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize(DESKTOP);

      // The keyboard: from the top of a freshly loaded page, the first Tab lands on the skip
      // link, and following it puts focus on the page's main content.
      await page.goto(`${web.base}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => {
        const el = document.activeElement;
        return { text: el?.textContent?.trim(), href: el?.getAttribute("href") };
      });
      expect(first).toEqual({ text: "Skip to main content", href: "#main" });
      expect(await page.getByRole("link", { name: "Skip to main content" }).isVisible()).toBe(true);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

      // On from there, every Tab stop (the first MAX_TAB_STOPS) is on screen and shows that it
      // has focus (WCAG 2.4.7): an outline or a box shadow, never neither.
      expect(await unfocusableStops(page)).toEqual([]);
    });
  });
});
