/**
 * The scrutiny report as a document: sections of paragraphs, key figures, tables, charts and
 * open questions. Every figure carries the record it came from (a name and the dashboard path
 * that shows it), so a committee member can go from a number in the report to the record behind
 * it. The model is data only: src/report/html.ts renders it; nothing here formats for a medium.
 */

/** The record a figure came from: its name and the dashboard path that shows it. */
export interface Source {
  label: string;
  /** A dashboard path, such as `/contracts/sscl-bss`. */
  href: string;
}

export interface Cell {
  text: string;
  href?: string;
  /** Right-aligned (a number or an amount). */
  numeric?: boolean;
}

/** A bar chart: one bar per category in each series. Values are for drawing only. */
export interface ChartSpec {
  kind: "bar";
  categories: string[];
  series: { name: string; values: number[] }[];
  /** How the axis reads its values: pence drawn as pounds, a count, or a share (0-1). */
  unit: "pence" | "count" | "share";
  /** Bars across (categories on the vertical axis), for long names. */
  horizontal?: boolean;
  stacked?: boolean;
}

export type Block =
  | { kind: "paragraph"; text: string; source?: Source }
  | { kind: "figures"; items: { label: string; value: string; source: Source }[] }
  | { kind: "table"; caption: string; columns: string[]; rows: Cell[][]; source?: Source }
  | { kind: "chart"; caption: string; chart: ChartSpec; source: Source }
  | { kind: "question"; text: string; figure: string; source: Source }
  | { kind: "notRecorded"; what: string };

export interface Section {
  /** Anchor id, stable: the contents page and tests refer to it. */
  id: string;
  title: string;
  blocks: Block[];
}

export type ScopeKind = "body" | "service" | "contract";

export interface ReportScope {
  kind: ScopeKind;
  /** The service or contract id (absent for the body). */
  id?: string;
  /** The body's, service's or contract's name as the report prints it. */
  name: string;
  source: Source;
}

export interface ReportDocument {
  title: string;
  scope: ReportScope;
  /** The date the data was read (ISO), stated on the cover and in the running header. */
  dataReadOn: string;
  /** Records whose figures are demo values, named so the reader knows. */
  demoNotice: string | null;
  /** Key figures for the cover, each with its record. */
  summary: Extract<Block, { kind: "figures" }>["items"];
  sections: Section[];
}

/** The words the report uses where data is missing: never a made-up number. */
export const NOT_RECORDED = "not recorded";
