/**
 * A workforce plan as a spreadsheet, the way HR and finance keep one: a line per item with its
 * posts (in scope, transferred, retained, redundant, and one line per relocation with its
 * location) and the zero-hours declaration with its source and date. Downloaded filled from the
 * stored plan, uploaded back; an item nous does not know, a relocation without a location or a
 * second line for the same item is a named bad cell. The engine's own checks (the posts add up)
 * run when it is stored; nothing is stored unless all of it is valid.
 */
import type { DocumentOfKind } from "../contract/decide.ts";
import { badCellsError, readWorkbookWithColumns, type SheetSpec } from "../io/sheet.ts";
import { InputError } from "../shared/errors.ts";
import type { Actor } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { getDocument } from "../store/decide.ts";
import { uploadDocumentSheet } from "./document-sheet.ts";
import { type SheetFile, sheetFile } from "./sheet-file.ts";

export const WORKFORCE_PLAN: SheetSpec = {
  name: "Workforce plan",
  columns: [
    { key: "item", header: "Item", kind: "text", required: true, width: 32 },
    { key: "posts", header: "Posts", kind: "integer" },
    { key: "location", header: "Location", kind: "text", width: 24 },
    { key: "detail", header: "Detail", kind: "text", width: 48 },
  ],
};

/** The items a plan's lines name, and the field of the plan each one fills. */
const POSTS = {
  "posts in scope": "postsInScope",
  transferred: "transferred",
  retained: "retained",
  redundant: "redundant",
} as const;
const RELOCATED = "relocated";
const ZERO_HOURS = "zero-hours contracts";
const ZERO_SOURCE = "zero-hours source";
const ZERO_DATE = "zero-hours date";
const ITEMS = [
  "Posts in scope",
  "Transferred",
  "Retained",
  "Redundant",
  "Relocated",
  "Zero-hours contracts",
  "Zero-hours source",
  "Zero-hours date",
];
const ZERO_STATUS: Record<string, "yes" | "no" | "not-declared"> = {
  yes: "yes",
  no: "no",
  "not declared": "not-declared",
  "not-declared": "not-declared",
};

interface WorkforceFile {
  service: string;
  postsInScope: number;
  transferred: number;
  retained: number;
  redundant: number;
  relocated?: { location: string; posts: number }[];
  zeroHours: { status: "yes" | "no" | "not-declared"; source?: string; date?: string };
  [k: string]: unknown;
}

export function workforceSheetRows(doc: WorkforceFile): Record<string, string | number | null>[] {
  const line = (
    item: string,
    posts: number | null,
    location: string | null = null,
    detail: string | null = null,
  ) => ({
    item,
    posts,
    location,
    detail,
  });
  return [
    line("Posts in scope", doc.postsInScope),
    line("Transferred", doc.transferred),
    line("Retained", doc.retained),
    line("Redundant", doc.redundant),
    ...(doc.relocated ?? []).map((r) => line("Relocated", r.posts, r.location)),
    line(
      "Zero-hours contracts",
      null,
      null,
      doc.zeroHours.status === "not-declared" ? "not declared" : doc.zeroHours.status,
    ),
    line("Zero-hours source", null, null, doc.zeroHours.source ?? null),
    line("Zero-hours date", null, null, doc.zeroHours.date ?? null),
  ];
}

export async function workforceSheet(store: Store, id: string, format: "xlsx" | "csv"): Promise<SheetFile> {
  const stored = await getDocument(store, "workforce", id, false);
  return sheetFile(`workforce-${id}`, format, {
    ...WORKFORCE_PLAN,
    rows: workforceSheetRows(stored.document as WorkforceFile),
  });
}

export async function applyWorkforceSheet(
  doc: WorkforceFile,
  bytes: Uint8Array,
  fileName: string,
): Promise<WorkforceFile> {
  const { sheets, columns, bad } = await readWorkbookWithColumns(bytes, fileName, [WORKFORCE_PLAN], {
    collect: true,
  });
  const at = columns[WORKFORCE_PLAN.name] ?? {};
  const unread = new Set(bad.map((b) => `${b.row}:${b.header}`));
  const cell = (row: number, key: string, expected: string, found: string) => {
    const col = WORKFORCE_PLAN.columns.find((c) => c.key === key);
    // A cell that did not read is reported once, as that.
    if (unread.has(`${row}:${col?.header ?? key}`)) return;
    bad.push({
      sheet: WORKFORCE_PLAN.name,
      row,
      column: at[key] ?? "?",
      header: col?.header ?? key,
      expected,
      found,
    });
  };
  const out: WorkforceFile = { ...doc, relocated: [], zeroHours: { status: doc.zeroHours.status } };
  const seen = new Map<string, number>();
  for (const r of sheets[WORKFORCE_PLAN.name] ?? []) {
    const row = r.$row ?? 0;
    const item = String(r.item).trim().toLowerCase().replace(/\s+/g, " ");
    const posts = r.posts === null ? null : Number(r.posts);
    const detail = r.detail === null ? null : String(r.detail);
    if (item !== RELOCATED) {
      const first = seen.get(item);
      if (first !== undefined)
        cell(row, "item", `one line for ${String(r.item)} (row ${first} has it)`, "a second line");
      seen.set(item, row);
    }
    if (item in POSTS) {
      if (posts === null || posts < 0)
        cell(row, "posts", "a number of posts, 0 or more", posts === null ? "an empty cell" : String(posts));
      else out[POSTS[item as keyof typeof POSTS]] = posts;
    } else if (item === RELOCATED) {
      if (!r.location) cell(row, "location", "where the posts are relocated to", "an empty cell");
      if (posts === null || posts <= 0)
        cell(row, "posts", "a number of posts above 0", posts === null ? "an empty cell" : String(posts));
      if (r.location && posts !== null && posts > 0)
        out.relocated?.push({ location: String(r.location), posts });
    } else if (item === ZERO_HOURS) {
      const status = ZERO_STATUS[(detail ?? "").trim().toLowerCase()];
      if (!status) cell(row, "detail", "yes, no or not declared", JSON.stringify(detail ?? ""));
      else out.zeroHours.status = status;
    } else if (item === ZERO_SOURCE) {
      if (detail) out.zeroHours.source = detail;
    } else if (item === ZERO_DATE) {
      if (detail) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(detail))
          cell(row, "detail", "a date such as 2015-07-07", JSON.stringify(detail));
        else out.zeroHours.date = detail;
      }
    } else cell(row, "item", `one of ${ITEMS.join(", ")}`, JSON.stringify(String(r.item)));
  }
  if (bad.length) throw badCellsError(fileName, bad);
  const missing = ITEMS.filter((i) => i.toLowerCase() in POSTS && !seen.has(i.toLowerCase()));
  if (missing.length)
    throw new InputError(
      `${fileName}: sheet "${WORKFORCE_PLAN.name}" has no line for ${missing.join(", ")}; each needs its posts; nothing was stored`,
      { code: "bad_cells", location: { file: fileName, path: WORKFORCE_PLAN.name } },
    );
  return out;
}

export function uploadWorkforceSheet(
  store: Store,
  id: string,
  upload: { fileName: string; bytes: Uint8Array },
  actor: Actor,
): Promise<DocumentOfKind<"workforce">> {
  return uploadDocumentSheet<"workforce", WorkforceFile>(
    store,
    "workforce",
    id,
    upload,
    actor,
    applyWorkforceSheet,
  );
}
