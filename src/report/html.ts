/**
 * The scrutiny report as one self-contained HTML document: styles inline, charts as inline SVG
 * (src/report/charts.ts), no script, no external style, font or image, so the file opens as it is
 * anywhere and Chromium prints it to the same PDF. Every record's text is escaped. Links go to the
 * dashboard paths the figures came from, under `linkBase` when given (the dashboard's address).
 */
import { chartSvg } from "./charts.ts";
import type { Block, ReportDocument, Source } from "./model.ts";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

export interface RenderOptions {
  /** Prefix of every dashboard link, e.g. "https://nous.example.org" (default: the paths alone). */
  linkBase?: string;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1b1b1b; background: #fff; margin: 0; line-height: 1.45; font-size: 11pt; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
a { color: #1d4f91; }
h1 { font-size: 1.9rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1d4f91; padding-bottom: .2rem; margin: 2rem 0 .8rem; }
.cover .glance { border: 0; margin-top: 1.5rem; }
.cover .meta { font-size: 1.05rem; }
.notice { border-left: 4px solid #8a6d00; background: #fff8e1; padding: .5rem .8rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .6rem; margin: .8rem 0;
  padding: 0; list-style: none; }
.figures li { border: 1px solid #c9cdd3; border-radius: 4px; padding: .5rem .7rem; break-inside: avoid; }
.figures .label { display: block; font-size: .85rem; color: #44474d; }
.figures .value { display: block; font-size: 1.15rem; font-weight: 600; }
.src { font-size: .78rem; color: #44474d; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .88rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid #d6d9de; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
figure { margin: .8rem 0 1.2rem; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: 600; font-size: .9rem; }
.not-recorded { font-style: italic; color: #44474d; }
.question { border-left: 4px solid #1d4f91; padding: .3rem .8rem; margin: .6rem 0; break-inside: avoid; }
.question p { margin: 0 0 .2rem; }
.contents ol { font-size: 1.05rem; line-height: 1.9; }
@page { size: A4; margin: 20mm 15mm 18mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .cover, .contents { break-after: page; }
  .figures { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  section.report-section { break-before: page; }
  h2 { margin-top: 0; }
  a { text-decoration: none; }
}
`;

function href(s: Source, o: RenderOptions): string {
  if (s.href.startsWith("#")) return esc(s.href);
  return esc(`${o.linkBase ? o.linkBase.replace(/\/$/, "") : ""}${s.href}`);
}

const srcLine = (s: Source | undefined, o: RenderOptions): string =>
  s ? `<p class="src">Source: <a href="${href(s, o)}">${esc(s.label)}</a></p>` : "";

function block(b: Block, o: RenderOptions): string {
  switch (b.kind) {
    case "paragraph":
      return `<p>${esc(b.text)}</p>${srcLine(b.source, o)}`;
    case "notRecorded":
      return `<p class="not-recorded">Not recorded: ${esc(b.what)}</p>`;
    case "figures":
      return `<ul class="figures">${b.items
        .map(
          (f) =>
            `<li><span class="label">${esc(f.label)}</span><span class="value">${esc(f.value)}</span><a class="src" href="${href(f.source, o)}">${esc(f.source.label)}</a></li>`,
        )
        .join("")}</ul>`;
    case "table": {
      const head = b.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join("");
      const rows = b.rows
        .map(
          (r) =>
            `<tr>${r
              .map((c) => {
                const text = c.href
                  ? `<a href="${href({ label: "", href: c.href }, o)}">${esc(c.text)}</a>`
                  : esc(c.text);
                return `<td${c.numeric ? ' class="num"' : ""}>${text}</td>`;
              })
              .join("")}</tr>`,
        )
        .join("");
      return `<table><caption>${esc(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${srcLine(b.source, o)}`;
    }
    case "chart":
      return `<figure><figcaption>${esc(b.caption)}</figcaption><div class="chart" role="img" aria-label="${esc(`Bar chart: ${b.caption}`)}">${chartSvg(b.chart)}</div>${srcLine(b.source, o)}</figure>`;
    case "question":
      return `<div class="question"><p>${esc(b.text)}</p><p class="src">Figure: ${esc(b.figure)}</p><p class="src">Source: <a href="${href(b.source, o)}">${esc(b.source.label)}</a></p></div>`;
  }
}

export function renderReportHtml(doc: ReportDocument, o: RenderOptions = {}): string {
  const cover = `<section class="cover"><h1>${esc(doc.title)}</h1>
<p class="meta">Scope: ${doc.scope.kind === "body" ? "the whole body" : esc(doc.scope.kind)} — <a href="${href(doc.scope.source, o)}">${esc(doc.scope.name)}</a></p>
<p class="meta">Data read on <time datetime="${esc(doc.dataReadOn)}">${esc(doc.dataReadOn)}</time>. Every figure names the record it came from; "not recorded" means the data holds no figure, never a guess.</p>
<h2 class="glance">At a glance</h2>
${block({ kind: "figures", items: doc.summary }, o)}
${doc.demoNotice ? `<p class="notice">${esc(doc.demoNotice)}</p>` : ""}</section>`;
  const contents = `<nav class="contents" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>${doc.sections
    .map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`)
    .join("")}</ol></nav>`;
  const sections = doc.sections
    .map(
      (s) =>
        `<section class="report-section" aria-labelledby="${esc(s.id)}"><h2 id="${esc(s.id)}">${esc(s.title)}</h2>${s.blocks.map((b) => block(b, o)).join("\n")}</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="nous scrutiny report">
<meta name="data-read-on" content="${esc(doc.dataReadOn)}">
<title>${esc(doc.title)} (data read on ${esc(doc.dataReadOn)})</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${cover}
${contents}
${sections}
</main>
</body>
</html>
`;
}
