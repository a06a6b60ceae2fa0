/**
 * KPI results from a spreadsheet: a CSV or XLSX file with one row per KPI and period, read by
 * src/io/sheet.ts (which names every cell that is not the kind expected), then each row checked
 * as a result of the contract's KPIs (the KPI exists and is measured, the date ends one of its
 * periods, no period twice). Nothing is stored unless every row is valid, and then all of it is
 * stored in one transaction. The template lists the contract's KPIs and the periods they owe.
 */
import { readWorkbook, type SheetData, type SheetSpec, writeSheetCsv, writeWorkbook } from "../io/sheet.ts";
import type { MeasuredKpi } from "../manage/kpi.ts";
import { type KpiResultRecord, newKpiResult, resultId } from "../manage/kpi-result.ts";
import { InputError } from "../shared/errors.ts";
import type { Actor } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { contractRow } from "../store/manage.ts";
import { insertResults, readMeasuredKpis } from "../store/manage-performance.ts";
import { contractPerformance } from "./manage-performance.ts";

export const RESULTS_SHEET: SheetSpec = {
  name: "KPI results",
  columns: [
    { key: "kpiId", header: "KPI", kind: "text", required: true, width: 28 },
    { key: "periodEnd", header: "Period end", kind: "date", required: true, width: 14 },
    { key: "value", header: "Result", kind: "decimal", required: true, width: 10 },
    { key: "source", header: "Source", kind: "text", width: 12 },
    { key: "note", header: "Note", kind: "text", width: 40 },
  ],
};

/** The largest file accepted, in bytes. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Reads and stores the results in `bytes`; an InputError naming the sheet, row and column of
 * every bad cell (or the first row whose meaning is wrong), with nothing stored.
 */
export async function importResults(
  store: Store,
  contractId: string,
  fileName: string,
  bytes: Uint8Array,
  actor: Actor,
): Promise<{ stored: number; results: KpiResultRecord[] }> {
  await contractRow(store, contractId, false);
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    throw new InputError(`${fileName}: the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, {
      location: { file: fileName },
    });
  const sheets = await readWorkbook(bytes, fileName, [RESULTS_SHEET]);
  const rows = sheets[RESULTS_SHEET.name] ?? [];
  if (rows.length === 0)
    throw new InputError(`${fileName}: the sheet "${RESULTS_SHEET.name}" has no rows of results`, {
      location: { file: fileName },
    });
  const kpis = await readMeasuredKpis(store, contractId);
  const seen = new Map<string, number>();
  const results: KpiResultRecord[] = [];
  const rowNumbers: number[] = [];
  for (const row of rows) {
    const n = row.$row ?? 0;
    // Columns are found by their header, wherever they are, so a row's error names the column by it.
    const fail = (key: string, message: string): never => {
      const header = RESULTS_SHEET.columns.find((c) => c.key === key)?.header ?? key;
      throw new InputError(
        `${fileName}: ${RESULTS_SHEET.name} row ${n}, column ${header}: ${message}; nothing was stored`,
        {
          code: "bad_cells",
          location: { file: fileName, line: n, path: `${RESULTS_SHEET.name}!${header}${n}` },
        },
      );
    };
    const kpiId = String(row.kpiId);
    const k: MeasuredKpi | undefined = kpis.find((x) => x.id === kpiId);
    if (!k)
      fail(
        "kpiId",
        `the contract has no KPI "${kpiId}" (its KPIs: ${kpis.map((x) => x.id).join(", ") || "none"})`,
      );
    const kpi = k as MeasuredKpi;
    if (kpi.targetValue === "")
      fail("kpiId", `KPI "${kpiId}" has no numeric target yet: set how it is measured first`);
    let r: KpiResultRecord;
    try {
      r = newKpiResult(contractId, kpi, {
        kpiId,
        periodEnd: String(row.periodEnd),
        value: String(row.value),
        source:
          row.source === null || row.source === undefined ? undefined : String(row.source).toLowerCase(),
        note: row.note === null || row.note === undefined ? undefined : String(row.note),
      });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const path = e.location?.path ?? "";
      const key =
        path === "$.periodEnd"
          ? "periodEnd"
          : path === "$.source"
            ? "source"
            : path === "$.note"
              ? "note"
              : "value";
      return fail(key, e.message);
    }
    const id = resultId(kpiId, r.periodEnd);
    const twice = seen.get(id);
    if (twice) fail("periodEnd", `KPI ${kpiId} for the period ending ${r.periodEnd} is also in row ${twice}`);
    seen.set(id, n);
    results.push(r);
    rowNumbers.push(n);
  }
  await insertResults(
    store,
    contractId,
    results,
    new Date().toISOString(),
    actor,
    { entityId: `${contractId}:${fileName}`, data: { file: fileName, results: results.length } },
    (i) => `${fileName}: ${RESULTS_SHEET.name} row ${rowNumbers[i]}: `,
  );
  return { stored: results.length, results };
}

/** The template: the sheet's header and one row per KPI and period it owes, the result left blank. */
export async function resultsTemplate(store: Store, contractId: string, today: string): Promise<SheetData> {
  const perf = await contractPerformance(store, contractId, today);
  const rows = perf.kpis
    .filter((k) => k.measured)
    .flatMap((k) =>
      k.overdue.map((periodEnd) => ({ kpiId: k.id, periodEnd, value: null, source: k.source, note: null })),
    );
  return { ...RESULTS_SHEET, rows };
}

export async function resultsTemplateXlsx(store: Store, contractId: string, today: string): Promise<Buffer> {
  return writeWorkbook([await resultsTemplate(store, contractId, today)]);
}

export async function resultsTemplateCsv(store: Store, contractId: string, today: string): Promise<string> {
  return writeSheetCsv(await resultsTemplate(store, contractId, today));
}
