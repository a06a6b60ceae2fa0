/**
 * A delivery model assessment's scoring sheet, as a spreadsheet: one row per option and
 * criterion with the criterion's weight, the score and its evidence. Downloaded filled from the
 * stored assessment (XLSX or CSV), scored by the people who hold the evidence, uploaded back. The
 * sheet changes scores, evidence and weights only; options and criteria stay as the assessment
 * defines them, so a row naming an option or criterion it does not have is a named bad cell,
 * and so is a weight that differs between two rows of one criterion. Nothing is stored unless
 * the whole sheet is valid and the engine accepts the assessment it makes.
 */
import type { DocumentOfKind } from "../contract/decide.ts";
import { badCellsError, readWorkbookWithColumns, type SheetSpec } from "../io/sheet.ts";
import type { Actor } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { getDocument } from "../store/decide.ts";
import { uploadDocumentSheet } from "./document-sheet.ts";
import { type SheetFile, sheetFile } from "./sheet-file.ts";

export const DMA_SCORES: SheetSpec = {
  name: "Scores",
  columns: [
    { key: "option", header: "Option", kind: "text", required: true },
    { key: "optionName", header: "Option name", kind: "text", width: 28 },
    { key: "criterion", header: "Criterion", kind: "text", required: true },
    { key: "criterionName", header: "Criterion name", kind: "text", width: 32 },
    { key: "kind", header: "Kind", kind: "text" },
    { key: "weight", header: "Weight", kind: "decimal", required: true },
    { key: "score", header: "Score", kind: "decimal", required: true },
    { key: "evidence", header: "Evidence", kind: "text", width: 60 },
  ],
};

interface DmaFile {
  service: string;
  maxScore?: number;
  options: { id: string; name?: string }[];
  criteria: { id: string; name: string; kind: string; weight: number }[];
  scores: { option: string; criterion: string; score: number; evidence: string }[];
  [k: string]: unknown;
}

/** The sheet's rows for a stored assessment: every option against every criterion. */
export function dmaSheetRows(doc: DmaFile): Record<string, string | number | null>[] {
  const rows: Record<string, string | number | null>[] = [];
  for (const o of doc.options)
    for (const c of doc.criteria) {
      const s = doc.scores.find((x) => x.option === o.id && x.criterion === c.id);
      rows.push({
        option: o.id,
        optionName: o.name ?? null,
        criterion: c.id,
        criterionName: c.name,
        kind: c.kind,
        weight: String(c.weight),
        score: s ? String(s.score) : null,
        evidence: s?.evidence ?? null,
      });
    }
  return rows;
}

export async function dmaSheet(store: Store, id: string, format: "xlsx" | "csv"): Promise<SheetFile> {
  const stored = await getDocument(store, "dma", id, false);
  return sheetFile(`dma-${id}-scores`, format, {
    ...DMA_SCORES,
    rows: dmaSheetRows(stored.document as DmaFile),
  });
}

/** Reads an uploaded scoring sheet into the assessment it makes, or one error naming every bad cell. */
export async function applyDmaSheet(doc: DmaFile, bytes: Uint8Array, fileName: string): Promise<DmaFile> {
  const { sheets, columns, bad } = await readWorkbookWithColumns(bytes, fileName, [DMA_SCORES], {
    collect: true,
  });
  const rows = sheets[DMA_SCORES.name] ?? [];
  const at = columns[DMA_SCORES.name] ?? {};
  const unread = new Set(bad.map((b) => `${b.row}:${b.header}`));
  const cell = (row: number, key: string, expected: string, found: string) => {
    const col = DMA_SCORES.columns.find((c) => c.key === key);
    // A cell that did not read is reported once, as that.
    if (unread.has(`${row}:${col?.header ?? key}`)) return;
    bad.push({
      sheet: DMA_SCORES.name,
      row,
      column: at[key] ?? "?",
      header: col?.header ?? key,
      expected,
      found,
    });
  };
  const options = new Set(doc.options.map((o) => o.id));
  const criteria = new Map(doc.criteria.map((c) => [c.id, c]));
  const max = doc.maxScore ?? 5;
  const weights = new Map<string, { weight: number; row: number }>();
  const scores = new Map<string, { option: string; criterion: string; score: number; evidence: string }>();
  for (const r of rows) {
    const row = r.$row ?? 0;
    const option = String(r.option);
    const criterion = String(r.criterion);
    if (!options.has(option))
      cell(
        row,
        "option",
        `one of the assessment's options (${[...options].join(", ")})`,
        JSON.stringify(option),
      );
    if (!criteria.has(criterion))
      cell(
        row,
        "criterion",
        `one of the assessment's criteria (${[...criteria.keys()].join(", ")})`,
        JSON.stringify(criterion),
      );
    const weight = Number(r.weight);
    if (!(weight > 0)) cell(row, "weight", "a weight above 0", String(r.weight));
    const seen = r.weight === null ? undefined : weights.get(criterion);
    if (r.weight === null) {
      // did not read: reported already
    } else if (seen && seen.weight !== weight)
      cell(
        row,
        "weight",
        `the same weight as row ${seen.row} for criterion ${criterion} (${seen.weight})`,
        String(r.weight),
      );
    else if (!seen) weights.set(criterion, { weight, row });
    const score = Number(r.score);
    if (!(score >= 0 && score <= max)) cell(row, "score", `a score from 0 to ${max}`, String(r.score));
    const key = `${option}\u0000${criterion}`;
    if (scores.has(key))
      cell(row, "option", `one row for option ${option} and criterion ${criterion}`, "a second row");
    scores.set(key, { option, criterion, score, evidence: String(r.evidence ?? "") });
  }
  if (bad.length) throw badCellsError(fileName, bad);
  return {
    ...doc,
    criteria: doc.criteria.map((c) => ({ ...c, weight: weights.get(c.id)?.weight ?? c.weight })),
    scores: [...scores.values()],
  };
}

/** Stores the assessment an uploaded scoring sheet makes (the engine's own checks run on save). */
export function uploadDmaSheet(
  store: Store,
  id: string,
  upload: { fileName: string; bytes: Uint8Array },
  actor: Actor,
): Promise<DocumentOfKind<"dma">> {
  return uploadDocumentSheet<"dma", DmaFile>(store, "dma", id, upload, actor, applyDmaSheet);
}
