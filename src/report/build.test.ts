import { describe, expect, it } from "vitest";
import { buildScrutinyReport, SECTION_BUILDERS } from "./build.ts";
import { emptyInput, sampleInput } from "./fixture.test-data.ts";
import type { Block, ReportDocument } from "./model.ts";

const SECTION_IDS = [
  "pipeline",
  "appraisal",
  "decisions",
  "horizon",
  "workforce",
  "performance",
  "savings",
  "billing",
  "flags",
  "questions",
];

function sources(doc: ReportDocument): string[] {
  const out: string[] = doc.summary.map((f) => f.source.href);
  for (const s of doc.sections)
    for (const b of s.blocks) {
      if (b.kind === "figures") out.push(...b.items.map((i) => i.source.href));
      if (b.kind === "chart" || b.kind === "question") out.push(b.source.href);
    }
  return out;
}

const blocks = (doc: ReportDocument, id: string): Block[] =>
  doc.sections.find((s) => s.id === id)?.blocks ?? [];
const questions = (doc: ReportDocument) =>
  blocks(doc, "questions").filter((b): b is Extract<Block, { kind: "question" }> => b.kind === "question");

describe("the scrutiny report's document", () => {
  it("has every section, in the committee's order, and states the date the data was read", () => {
    const doc = buildScrutinyReport(sampleInput());
    expect(doc.sections.map((s) => s.id)).toEqual(SECTION_IDS);
    expect(SECTION_BUILDERS).toHaveLength(SECTION_IDS.length);
    expect(doc.dataReadOn).toBe("2026-05-01");
    expect(doc.title).toBe("Scrutiny report: Test Authority");
  });

  it("says 'not recorded' in every section when the store holds nothing, and asks no question", () => {
    const doc = buildScrutinyReport(emptyInput());
    for (const s of doc.sections) {
      expect(
        s.blocks.some((b) => b.kind === "notRecorded"),
        s.id,
      ).toBe(true);
    }
    expect(questions(doc)).toEqual([]);
    expect(doc.summary.find((f) => f.label === "Value of the contracts")?.value).toBe("not recorded");
    expect(doc.summary.find((f) => f.label === "Billing exceptions at risk")?.value).toBe("not recorded");
  });

  it("links every figure, chart and question to a dashboard path", () => {
    const all = sources(buildScrutinyReport(sampleInput()));
    expect(all.length).toBeGreaterThan(20);
    for (const href of all) expect(href).toMatch(/^(\/|#)/);
    expect(all).toContain("/appraisals/c-1");
    expect(all).toContain("/contracts/c-1");
    expect(all).toContain("/billing?contract=c-1");
  });

  it("prints the appraisal's NPV, optimism bias and chance of meeting the savings target", () => {
    const figures = blocks(buildScrutinyReport(sampleInput()), "appraisal").find((b) => b.kind === "figures");
    const values =
      figures?.kind === "figures" ? Object.fromEntries(figures.items.map((i) => [i.label, i.value])) : {};
    expect(values["NPV of the preferred option"]).toBe("-£800");
    expect(values["Optimism bias applied"]).toBe("10.0% (£80)");
    expect(values["Probability of meeting the savings target of £250 (cash)"]).toBe("20.0%");
  });

  it("shows savings claimed with realised 'not recorded' rather than a number", () => {
    const table = blocks(buildScrutinyReport(sampleInput()), "savings").find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows[0]?.map((c) => c.text)).toEqual([
      "HR services",
      "£400,000",
      "not recorded",
      "not recorded",
      "not recorded",
      "not recorded",
    ]);
  });

  it("asks the questions the figures raise, each with its figure and record", () => {
    const qs = questions(buildScrutinyReport(sampleInput()));
    const byFigure = (s: string) => qs.find((q) => q.figure.includes(s));
    expect(byFigure("probability of meeting the savings target: 20.0%")?.source.href).toBe("/appraisals/c-1");
    expect(byFigure("no reason recorded")?.text).toContain("Start the procurement");
    expect(byFigure("share paid after the deciding term: 80.0%")).toBeDefined();
    expect(byFigure("zero-hour contracts: not-declared")?.text).toContain("40 posts transferred");
    expect(byFigure("latest rating: Inadequate")?.text).toContain("Cases closed on time");
    expect(byFigure("savings claimed £400,000, realised not recorded")?.source.href).toBe("/contracts/c-1");
    expect(byFigure("open £20, disputed £0, recovered £10")?.source.href).toBe("/billing?contract=c-1");
    expect(byFigure("red flags: R003")).toBeDefined();
    expect(byFigure("budget-driven")).toBeUndefined();
  });

  it("asks why an approval went against its own assessment, quoting both options", () => {
    const input = sampleInput();
    const event = {
      id: "g-1",
      serviceId: null,
      contractId: "c-1",
      gate: "dma",
      action: "approve" as const,
      date: "2015-02-01",
      by: "Board",
      role: "commercial",
      evidence: [],
      reason: null,
      drivers: [],
      published: true,
      demoFields: [],
      source: "",
      assessmentRecommends: "in-house-reformed",
      optionChosen: "sscl",
      flags: ["against its own assessment"],
      findings: [],
    };
    input.gates.push({
      subject: { kind: "contract", id: "c-1" },
      history: { gates: [], current: null, findings: [], outOfOrder: 0, budgetDriven: 0, events: [event] },
    });
    const q = questions(buildScrutinyReport(input)).find((x) => x.text.includes("its own assessment"));
    expect(q?.text).toBe(
      'The dma approval on 2015-02-01 for c-1 chose "sscl" although its own assessment recommends "in-house-reformed": what outweighed the assessment, and is it on the record?',
    );
    expect(q?.figure).toBe("no reason recorded");
  });

  it("compares realised savings with those claimed to date when a savings plan is recorded", () => {
    const input = {
      ...sampleInput(),
      savings: [
        {
          contractId: "c-1",
          claimedPence: 400_000_00,
          claimedToDatePence: 100_000_00,
          realisedPence: 60_000_00,
          basis: "plan",
        },
      ],
    };
    const doc = buildScrutinyReport(input);
    const table = blocks(doc, "savings").find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows[0]?.map((c) => c.text)).toEqual([
      "HR services",
      "£400,000",
      "£100,000",
      "£60,000",
      "60.0%",
      "plan",
    ]);
    const q = questions(doc).find((x) => x.figure === "realised 60.0% of the savings claimed to date");
    expect(q?.text).toContain("what explains the gap of £40,000?");
  });

  it("narrows the title to the scope", () => {
    const input = { ...sampleInput(), scope: { kind: "contract" as const, id: "c-1" } };
    const doc = buildScrutinyReport(input);
    expect(doc.title).toBe("Scrutiny report: contract HR services");
    expect(doc.scope.source.href).toBe("/contracts/c-1");
  });
});
