/**
 * A stored document's spreadsheet, for the people who work in spreadsheets: download it filled
 * (XLSX or CSV), fill it in, upload it back. A refused upload lists every bad cell by sheet,
 * row and column with what was expected, and nothing is stored; an accepted one replaces the
 * document, audited with the reason given.
 */
import { type FormEvent, useState } from "react";
import { ApiError } from "../api.ts";
import { Outcome, ReasonField, SaveButton, useSave } from "./Form.tsx";

interface BadCell {
  message?: string;
}

/** The file's bytes as base64, for a JSON body. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function SheetPanel({
  id,
  label,
  downloadUrl,
  upload,
  canUpload,
}: {
  /** A prefix for the element ids. */
  id: string;
  /** What the sheet is, e.g. "scoring sheet". */
  label: string;
  /** The download URL without a format; `?format=csv` is added for CSV. */
  downloadUrl: string;
  upload: (body: { fileName: string; contentBase64: string; reason: string }) => Promise<unknown>;
  canUpload: boolean;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState("");
  const [cells, setCells] = useState<string[]>([]);
  const s = useSave();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setCells([]);
    await s.run(
      () =>
        !file
          ? "Choose the filled-in file (XLSX or CSV)."
          : !reason.trim()
            ? "Say why: the audit trail keeps it."
            : null,
      async () => {
        try {
          await upload({
            fileName: file?.name ?? "sheet",
            contentBase64: await base64Of(file as File),
            reason,
          });
        } catch (err) {
          if (err instanceof ApiError && Array.isArray((err.details as unknown[] | undefined) ?? null))
            setCells(((err.details as BadCell[]) ?? []).map((d) => d.message ?? "").filter(Boolean));
          throw err;
        }
        return `${file?.name} stored.`;
      },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-sheet-h`}>
      <h2 id={`${id}-sheet-h`}>As a spreadsheet</h2>
      <p>
        Download the {label} filled in: <a href={downloadUrl}>XLSX</a> or{" "}
        <a href={`${downloadUrl}${downloadUrl.includes("?") ? "&" : "?"}format=csv`}>CSV</a>.
      </p>
      {canUpload ? (
        <form className="form" aria-label={`Upload the ${label}`} onSubmit={submit} noValidate>
          <div className="form__group">
            <label htmlFor={`${id}-sheet-file`}>Filled-in {label} (XLSX or CSV)</label>
            <input
              id={`${id}-sheet-file`}
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <ReasonField prefix={`${id}-sheet`} reason={reason} setReason={setReason} />
          <Outcome prefix={`${id}-sheet`} error={s.error} done={s.done} />
          {cells.length > 1 ? (
            <ul className="bad-cells" aria-label="Cells to correct">
              {cells.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : null}
          <SaveButton busy={s.busy} label={`Upload ${label}`} />
        </form>
      ) : null}
    </section>
  );
}
