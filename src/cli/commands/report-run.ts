/**
 * What `nous report scrutiny` does: reads the store through the report's use case
 * (src/app/report.ts, the same the API calls), writes the HTML, or prints it to PDF through
 * Chromium (src/io/report-pdf.ts). The file is written whole to a temporary name beside the
 * target and renamed over it, so a failed run leaves no half-written report.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { isIsoDate, todayInLondon } from "../../shared/dates.ts";
import { InputError } from "../../shared/errors.ts";
import { withStore } from "../store.ts";
import type { ScrutinyCommandOptions } from "./report.ts";

function writeWhole(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export async function scrutiny(o: ScrutinyCommandOptions): Promise<void> {
  if (o.service && o.contract) throw new InputError("--service and --contract: name one, not both");
  if (o.today !== undefined && !isIsoDate(o.today))
    throw new InputError(`--today must be a date as YYYY-MM-DD, got "${o.today}"`);
  const today = o.today ?? todayInLondon();
  const { scrutinyReport } = await import("../../app/report.ts");
  const { derivedResults } = await import("../../app/derived-results.ts");
  const report = await withStore(o.db, async (store) => {
    const derived = derivedResults(store);
    try {
      return await scrutinyReport(store, derived, {
        serviceId: o.service,
        contractId: o.contract,
        today,
        ...(o.linkBase ? { linkBase: o.linkBase } : {}),
      });
    } finally {
      await derived.close();
    }
  });
  if (o.format === "pdf") {
    const { htmlToPdf } = await import("../../io/report-pdf.ts");
    const pdf = await htmlToPdf(report.html, {
      title: report.document.title,
      dataReadOn: report.document.dataReadOn,
    });
    writeWhole(o.out, pdf);
  } else {
    writeWhole(o.out, report.html);
  }
  const questions =
    report.document.sections.find((s) => s.id === "questions")?.blocks.filter((b) => b.kind === "question")
      .length ?? 0;
  process.stdout.write(
    `${report.document.title} (data read on ${today}): ${report.document.sections.length} sections, ${questions} open questions, written to ${o.out}\n`,
  );
}
