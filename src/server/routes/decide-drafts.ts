/**
 * Drafts and versions of Decide's documents, the appraisal preview and the case spreadsheet:
 * declared in src/contract/decide-drafts.ts, done by src/app/decide-drafts.ts and
 * src/app/decide-sheets.ts. Results are computed on the derived-results worker the decide routes
 * share (src/app/derived-results.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import {
  compareDmaVersions,
  compareVersions,
  latestVersions,
  listVersions,
  previewCase,
  publishVersion,
  saveDraft,
} from "../../app/decide-drafts.ts";
import { blankCaseWorkbook, caseDocument, caseWorkbook, readCaseWorkbook } from "../../app/decide-sheets.ts";
import { derivedResults } from "../../app/derived-results.ts";
import * as op from "../../contract/decide-drafts.ts";
import { InputError } from "../../shared/errors.ts";
import { getDocument } from "../../store/decide.ts";
import { getVersion } from "../../store/decide-drafts.ts";
import { callerOf, seesUnpublished } from "../auth.ts";
import { addOperation } from "../operation.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const decideDraftRoutes: FastifyPluginAsync = async (app) => {
  const store = app.store;
  const derived = derivedResults(store);
  app.addHook("onClose", () => derived.close());
  const actor = (req: Parameters<typeof callerOf>[0], reason: string) => ({
    username: callerOf(req).username,
    reason,
  });

  for (const kind of op.VERSIONED_KINDS) {
    // Each kind's operations have one shape; typed here over the kinds at once.
    const ops = op.versionOperationsByKind[kind] as typeof op.appraisalVersions;
    addOperation(app, ops.listVersions, ({ params }) => listVersions(store, kind, params.id) as never);
    addOperation(app, ops.drafts, () => latestVersions(store, kind) as never);
    addOperation(app, ops.saveDraft, async ({ params, body, req }) =>
      (await saveDraft(store, kind, params.id, body, actor(req, body.reason))) as never,
    );
    addOperation(app, ops.publishVersion, ({ params, body, req }) =>
      publishVersion(store, kind, params.id, params.version, actor(req, body.reason)),
    );
  }

  addOperation(app, op.compareAppraisalVersions, ({ params, query }) =>
    compareVersions(store, derived.appraisals, params.id, query.from, query.to),
  );

  addOperation(app, op.compareDmaVersions, ({ params, query }) =>
    compareDmaVersions(store, params.id, query.from, query.to),
  );

  addOperation(app, op.previewAppraisal, ({ body }) => previewCase(derived.appraisals, body.document));

  addOperation(app, op.caseTemplate, async ({ params, query, req, reply }) => {
    const document =
      query.version !== undefined
        ? (await getVersion(store, "appraisal", params.id, query.version)).document
        : (await getDocument(store, "appraisal", params.id, !seesUnpublished(req))).document;
    const format = query.format ?? "xlsx";
    const bytes = await caseWorkbook(document, format);
    return reply
      .type(format === "csv" ? "text/csv; charset=utf-8" : XLSX)
      .header("content-disposition", `attachment; filename="${params.id}-cash-flows.${format}"`)
      .send(bytes);
  });

  addOperation(app, op.blankCaseTemplate, async ({ reply }) =>
    reply
      .type(XLSX)
      .header("content-disposition", 'attachment; filename="appraisal-case-template.xlsx"')
      .send(await blankCaseWorkbook()),
  );

  addOperation(app, op.readCaseSheet, async ({ body }) => {
    const bytes = Buffer.from(body.contentBase64, "base64");
    if (bytes.length > op.SHEET_BYTES)
      throw new InputError(`${body.fileName}: the file is larger than ${op.SHEET_BYTES / 1024 / 1024} MB`, {
        location: { file: body.fileName },
      });
    const c = await readCaseWorkbook(new Uint8Array(bytes), body.fileName, body.base);
    return { document: caseDocument(c) as never };
  });
};
