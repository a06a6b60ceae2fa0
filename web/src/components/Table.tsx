/**
 * A readable, accessible table: a caption, column headers with scope, numeric columns aligned
 * right, and a horizontal scroll on narrow screens instead of a squashed layout. A column with a
 * `sortValue` sorts (TanStack Table keeps the order): its header is a button in a `th` carrying
 * `aria-sort`. A `filterable` table has a labelled box that keeps the rows whose visible text
 * holds every word typed, and a polite status line saying how many rows are shown.
 */
import {
  type ColumnDef,
  createSortedRowModel,
  type RowData,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { type ReactNode, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { asNumber, type ExportCell, exportFileName, tableCsv, tableXlsx } from "./table-export.ts";
import {
  compareSortValues,
  firstSortDescending,
  rowMatches,
  type SortValue,
  searchText,
} from "./table-sort.ts";

function save(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /**
   * What the column sorts by; the column is sortable when this is given. Numbers, decimal strings
   * and ISO dates sort by value (largest or latest first on the first press), other text
   * alphabetically; rows with null go last either way.
   */
  sortValue?: (row: T) => SortValue;
  /**
   * The cell in a downloaded CSV or XLSX file. Without it the file holds the text a reader sees,
   * as a number when it is plainly one ("£1,234.50"); give it where the shown text is rounded
   * ("£234.5m") or abbreviated.
   */
  exportValue?: (row: T) => ExportCell;
}

interface TableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: string;
  captionHidden?: boolean;
  /** Shows a "Filter …" box above the table and a status line counting the rows shown. */
  filterable?: boolean;
  /** What one row is, for the filter's label and status line ("contract" / "contracts"). */
  rowName?: { one: string; other: string };
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });

type SortDef<T extends RowData> = ColumnDef<typeof features, T>;

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export function Table<T extends RowData>({
  caption,
  columns,
  rows,
  rowKey,
  empty = "Nothing to show.",
  captionHidden,
  filterable,
  rowName,
}: TableProps<T>) {
  // Pages may build their columns inline; the table's column definitions change only when the
  // set of columns (or which of them sort) does, and read the page's latest functions.
  const latest = useRef(columns);
  latest.current = columns;
  const shape = columns.map((c) => `${c.key}${c.sortValue ? "+" : ""}`).join("\u0000");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` names what the definitions depend on.
  const defs = useMemo<SortDef<T>[]>(
    () =>
      latest.current.map((c) => ({
        id: c.key,
        header: c.header,
        enableSorting: c.sortValue !== undefined,
        accessorFn: (row: T) => latest.current.find((x) => x.key === c.key)?.sortValue?.(row) ?? undefined,
        sortUndefined: "last" as const,
        sortFn: (a, b, id) =>
          compareSortValues(a.getValue<SortValue | undefined>(id), b.getValue<SortValue | undefined>(id)),
      })),
    [shape],
  );
  const table = useTable({
    features,
    columns: defs,
    data: rows,
    getRowId: (row) => rowKey(row),
    enableMultiSort: false,
  });

  const filterId = useId();
  const [query, setQuery] = useState("");
  const [texts, setTexts] = useState<ReadonlyMap<string, string>>(new Map());
  const body = useRef<HTMLTableSectionElement>(null);
  const filtering = filterable === true && query.trim() !== "";
  // Rows are filtered by the text a reader sees, so it is read from the rendered rows (every row
  // is rendered; those filtered out are hidden), before the browser paints.
  useLayoutEffect(() => {
    if (!filtering || !body.current) return;
    const next = new Map<string, string>();
    for (const tr of Array.from(body.current.rows))
      next.set(tr.dataset.key ?? "", searchText(tr.textContent ?? ""));
    const same = next.size === texts.size && [...next].every(([k, v]) => texts.get(k) === v);
    if (!same) setTexts(next);
  });

  if (rows.length === 0) return <p className="muted">{empty}</p>;

  const sorted = table.getRowModel().rows;
  const shown = sorted.map((r) => !filtering || rowMatches(texts.get(r.id), query));
  const shownCount = shown.filter(Boolean).length;
  const names = rowName ?? { one: "row", other: "rows" };
  const sortedBy = columns.find((c) => table.getColumn(c.key)?.getIsSorted());

  /** The rows as shown (sorted, filtered), each cell its export value or the text a reader sees. */
  const exported = (): ExportCell[][] => {
    const trs = new Map(Array.from(body.current?.rows ?? []).map((tr) => [tr.dataset.key ?? "", tr]));
    return sorted
      .filter((_, i) => shown[i])
      .map((r) =>
        columns.map((c, j) => {
          if (c.exportValue) return c.exportValue(r.original);
          const t = (trs.get(r.id)?.cells[j]?.textContent ?? "").trim();
          return asNumber(t) ?? t;
        }),
      );
  };
  const headers = columns.map((c) => c.header);
  const download = (kind: "csv" | "xlsx") =>
    kind === "csv"
      ? save(exportFileName(caption, "csv"), "text/csv;charset=utf-8", tableCsv(headers, exported()))
      : save(
          exportFileName(caption, "xlsx"),
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          tableXlsx(caption, headers, exported()) as BlobPart,
        );
  const downloads = (
    <div className="table-downloads">
      <button type="button" className="link-button" onClick={() => download("csv")}>
        Download CSV<span className="visually-hidden"> of {caption}</span>
      </button>
      <button type="button" className="link-button" onClick={() => download("xlsx")}>
        Download XLSX<span className="visually-hidden"> of {caption}</span>
      </button>
    </div>
  );
  const direction = sortedBy ? table.getColumn(sortedBy.key)?.getIsSorted() : false;

  return (
    <>
      {filterable ? null : <div className="table-tools">{downloads}</div>}
      {filterable ? (
        <div className="table-tools">
          <div className="table-filter">
            <label htmlFor={filterId}>Filter {rowName ? rowName.other : caption}</label>
            <input
              id={filterId}
              type="search"
              value={query}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <p className="table-status" aria-live="polite" aria-atomic="true">
            {shownCount} of {rows.length} {rows.length === 1 ? names.one : names.other} shown
            {sortedBy && direction ? `, sorted by ${sortedBy.header} (${ARIA_SORT[direction]})` : ""}
          </p>
          {downloads}
        </div>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
      <section className="table-wrap" tabIndex={0} aria-label={caption}>
        <table>
          <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const col = c.sortValue ? table.getColumn(c.key) : undefined;
                if (!col) {
                  return (
                    <th key={c.key} scope="col" className={c.numeric ? "num" : undefined}>
                      {c.header}
                    </th>
                  );
                }
                const now = col.getIsSorted();
                const toggle = () =>
                  col.toggleSorting(
                    now ? now === "asc" : firstSortDescending(rows.map((r) => c.sortValue?.(r))),
                  );
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.numeric ? "num" : undefined}
                    aria-sort={now ? ARIA_SORT[now] : "none"}
                  >
                    <button type="button" className="sort-button" onClick={toggle}>
                      {c.header}
                      <span className="sort-button__icon" aria-hidden="true">
                        {now === "asc" ? "▲" : now === "desc" ? "▼" : "↕"}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody ref={body}>
            {sorted.map((r, i) => (
              <tr key={r.id} data-key={r.id} hidden={!shown[i]}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? "num" : undefined}>
                    {c.cell(r.original)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {filtering && shownCount === 0 ? (
        <p className="muted">
          No {names.other} match “{query.trim()}”.
        </p>
      ) : null}
    </>
  );
}
