/**
 * A spreadsheet a route sends as a download: XLSX or CSV of the same rows, with its file name
 * and content type. Uploads come back as `{fileName, contentBase64}` (`SheetUpload` in
 * src/contract/fields.ts), decoded here.
 */
import { type SheetData, writeSheetCsv, writeWorkbook } from "../io/sheet.ts";
import { InputError } from "../shared/errors.ts";

export interface SheetFile {
  fileName: string;
  contentType: string;
  body: Buffer | string;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function sheetFile(base: string, format: "xlsx" | "csv", sheet: SheetData): Promise<SheetFile> {
  const safe = base.replace(/[^\w.-]/g, "_");
  return format === "csv"
    ? { fileName: `${safe}.csv`, contentType: "text/csv; charset=utf-8", body: writeSheetCsv(sheet) }
    : { fileName: `${safe}.xlsx`, contentType: XLSX_TYPE, body: await writeWorkbook([sheet]) };
}

/** The bytes of an upload sent as base64 (a spreadsheet is binary; JSON carries text). */
export function uploadBytes(upload: { fileName: string; contentBase64: string }): Uint8Array {
  const b64 = upload.contentBase64.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0)
    throw new InputError(`${upload.fileName}: the file's content is not valid base64`, {
      location: { path: "contentBase64" },
    });
  return Buffer.from(b64, "base64");
}
