/**
 * Every rule of every family has one docs page that agrees with its descriptor, and every page
 * names a registered rule. A page is `<dir>/<ID>.md`, starts `# <ID> — <name>`, and has a
 * paragraph `**Detects:** <detects>` and one `**Why it matters:** <whyItMatters>`, equal to the
 * descriptor's text (line breaks inside a paragraph count as spaces). The opening comment of each
 * indicator and billing rule file names the rule too, so the three copies of the prose cannot drift
 * apart unnoticed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BILLING_RULES } from "../../src/billing/rules/index.ts";
import { GATE_CHECKS } from "../../src/decide/gates/checks/index.ts";
import { FLAG_RULES } from "../../src/flags/indicators/index.ts";
import { QUALITY_CHECKS } from "../../src/ocds/quality/index.ts";
import type { RuleDescriptor, RuleFamily } from "../../src/shared/rule.ts";

const root = join(import.meta.dirname, "../..");

interface Family {
  family: RuleFamily;
  rules: readonly RuleDescriptor[];
  /** Folder of the family's pages. */
  dir: string;
  /** Which files in the folder are rule pages (the rest are overviews). */
  isRulePage: (file: string) => boolean;
}

const FAMILIES: Family[] = [
  {
    family: "flag",
    rules: FLAG_RULES.map((m) => m.descriptor),
    dir: "docs/flags",
    isRulePage: (f) => /^R\d+\.md$/.test(f),
  },
  { family: "billing", rules: BILLING_RULES, dir: "docs/billing", isRulePage: (f) => /^B\d+\.md$/.test(f) },
  { family: "quality", rules: QUALITY_CHECKS, dir: "docs/ocds/quality", isRulePage: (f) => f.endsWith(".md") },
  { family: "gate", rules: GATE_CHECKS, dir: "docs/decide/gates", isRulePage: (f) => f.endsWith(".md") },
];

/** The text of the paragraph starting with `marker`, lines joined by spaces; null when absent. */
function paragraph(page: string, marker: string): string | null {
  for (const p of page.split(/\n\s*\n/)) {
    const t = p.trim();
    if (t.startsWith(marker)) return t.slice(marker.length).replace(/\s*\n\s*/g, " ").trim();
  }
  return null;
}

/** What is wrong between a family's registry and its docs folder (empty when they agree). */
function docsProblems(f: Family, files: readonly string[], read: (file: string) => string): string[] {
  const problems: string[] = [];
  const ids = new Set(f.rules.map((r) => r.id));
  const pages = new Set(files.filter(f.isRulePage));
  for (const page of pages) {
    const id = page.slice(0, -".md".length);
    if (!ids.has(id)) problems.push(`${f.dir}/${page} names no registered ${f.family} rule`);
  }
  for (const r of f.rules) {
    const page = `${r.id}.md`;
    const where = `${f.dir}/${page}`;
    if (r.family !== f.family) problems.push(`${r.id} is in the ${f.family} registry but says family ${r.family}`);
    if (!pages.has(page)) {
      problems.push(`${f.family} rule ${r.id} has no docs page ${where}`);
      continue;
    }
    const text = read(page);
    const title = text.split("\n", 1)[0];
    if (title !== `# ${r.id} — ${r.name}`) problems.push(`${where} starts "${title}", expected "# ${r.id} — ${r.name}"`);
    const detects = paragraph(text, "**Detects:**");
    if (detects !== r.detects) problems.push(`${where}: **Detects:** is "${detects}", the rule says "${r.detects}"`);
    const why = paragraph(text, "**Why it matters:**");
    if (why !== r.whyItMatters)
      problems.push(`${where}: **Why it matters:** is "${why}", the rule says "${r.whyItMatters}"`);
  }
  return problems;
}

describe("every rule has a docs page that agrees with it, and every page names a rule", () => {
  for (const f of FAMILIES) {
    it(`${f.family}: ${f.dir}`, () => {
      const files = readdirSync(join(root, f.dir));
      expect(f.rules.length).toBeGreaterThan(0);
      expect(docsProblems(f, files, (p) => readFileSync(join(root, f.dir, p), "utf8"))).toEqual([]);
    });
  }

  it("ids are unique within each family", () => {
    for (const f of FAMILIES) expect(new Set(f.rules.map((r) => r.id)).size).toBe(f.rules.length);
  });

  it("reports a stray page, a rule without a page and a page that disagrees", () => {
    const f = FAMILIES[1]!;
    const files = f.rules.map((r) => `${r.id}.md`);
    const read = (p: string) => readFileSync(join(root, f.dir, p), "utf8");
    expect(docsProblems(f, [...files, "B10.md"], read)).toEqual([
      "docs/billing/B10.md names no registered billing rule",
    ]);
    expect(docsProblems(f, files.slice(1), read)).toEqual([
      `billing rule ${f.rules[0]!.id} has no docs page docs/billing/${f.rules[0]!.id}.md`,
    ]);
    const changed = (p: string) => read(p).replace("**Detects:** ", "**Detects:** Sometimes, ");
    expect(docsProblems(f, files, changed)).toHaveLength(f.rules.length);
  });
});

describe("the opening comment of each indicator and billing rule file names the rule", () => {
  it("indicators: ` * <code> <name>:`", () => {
    for (const m of FLAG_RULES) {
      const { id, name } = m.descriptor;
      const src = readFileSync(join(root, "src/flags/indicators", `${id.toLowerCase()}.ts`), "utf8");
      expect(src.split("\n")[1]!.startsWith(` * ${id} ${name}:`), id).toBe(true);
    }
  });
  it("billing rules: ` * <id> <slug>:` in src/billing/rules/<id>-<slug>.ts", () => {
    for (const r of BILLING_RULES) {
      const src = readFileSync(join(root, "src/billing/rules", `${r.id.toLowerCase()}-${r.slug}.ts`), "utf8");
      expect(src.split("\n")[1]!.startsWith(` * ${r.id} ${r.slug}:`), r.id).toBe(true);
    }
  });
});
