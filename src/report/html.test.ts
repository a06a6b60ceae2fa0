import { describe, expect, it } from "vitest";
import { buildScrutinyReport } from "./build.ts";
import { emptyInput, sampleInput } from "./fixture.test-data.ts";
import { renderReportHtml } from "./html.ts";

describe("the scrutiny report's HTML", () => {
  const html = renderReportHtml(buildScrutinyReport(sampleInput()));

  it("is one file: no script, no external style, font or image", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    // The only absolute addresses are SVG namespaces.
    const absolute = [...html.matchAll(/https?:\/\/[^\s"')]+/g)].map((m) => m[0]);
    expect(new Set(absolute)).toEqual(
      new Set(["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"]),
    );
  });

  it("draws the charts inline as SVG", () => {
    expect((html.match(/<svg\b/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(html).toContain("<figcaption>HR services: money committed per administration</figcaption>");
  });

  it("shows a record's markup as text", () => {
    expect(html).toContain("HR &lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("states the date the data was read and has a contents list of every section", () => {
    expect(html).toContain('Data read on <time datetime="2026-05-01">2026-05-01</time>');
    for (const id of ["pipeline", "appraisal", "questions"]) expect(html).toContain(`<a href="#${id}">`);
  });

  it("puts the dashboard's address before each record's path when given", () => {
    const based = renderReportHtml(buildScrutinyReport(sampleInput()), {
      linkBase: "https://nous.example.org/",
    });
    expect(based).toContain('href="https://nous.example.org/contracts/c-1"');
    expect(based).toContain('href="#questions"');
  });

  it("renders an empty store's report with 'not recorded' and no chart", () => {
    const empty = renderReportHtml(buildScrutinyReport(emptyInput()));
    expect(empty).toContain("Not recorded: No appraisal case is recorded for this scope.");
    expect(empty).not.toContain("<svg");
  });
});
