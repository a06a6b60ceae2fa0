/**
 * Performance and obligations routes: each operation of src/contract/manage-performance.ts
 * answered by its use case in src/app/manage-performance.ts (or the import's), with today's
 * date in Europe/London passed in.
 */
import type { FastifyPluginAsync } from "fastify";
import {
  addMeasuredKpi,
  addObligation,
  completeContractObligation,
  contractPerformance,
  listObligations,
  recordResult,
  serviceCreditsFor,
  setKpiMeasure,
  setRegime,
  supplierScorecards,
  verifyKpiResult,
} from "../../app/manage-performance.ts";
import {
  importResults,
  resultsTemplateCsv,
  resultsTemplateXlsx,
} from "../../app/manage-performance-import.ts";
import * as op from "../../contract/manage-performance.ts";
import { CSV_BOM } from "../../shared/csv.ts";
import { todayInLondon } from "../../shared/dates.ts";
import { callerOf } from "../auth.ts";
import { addOperation } from "../operation.ts";

const actor = (req: Parameters<typeof callerOf>[0], reason: string) => ({
  username: callerOf(req).username,
  reason,
});

/** A download name from a contract id: letters, digits and dashes only. */
const fileSafe = (id: string) => id.replace(/[^A-Za-z0-9-]+/g, "-").slice(0, 80) || "contract";

export const managePerformanceRoutes: FastifyPluginAsync = async (app) => {
  addOperation(app, op.getContractPerformance, ({ params }) =>
    contractPerformance(app.store, params.id, todayInLondon()),
  );

  addOperation(app, op.createMeasuredKpi, ({ params, body, req }) => {
    const { reason, ...input } = body;
    return addMeasuredKpi(app.store, params.id, input, actor(req, reason));
  });

  addOperation(app, op.setKpiMeasure, ({ params, body, req }) => {
    const { reason, kpiId, ...input } = body;
    return setKpiMeasure(app.store, params.id, kpiId, input, actor(req, reason));
  });

  addOperation(app, op.recordKpiResult, ({ params, body, req }) => {
    const { reason, ...input } = body;
    return recordResult(app.store, params.id, input, actor(req, reason));
  });

  addOperation(app, op.verifyKpiResult, ({ params, body, req }) =>
    verifyKpiResult(app.store, params.id, body.resultId, todayInLondon(), actor(req, body.reason)),
  );

  addOperation(app, op.importKpiResults, ({ params, body, req }) =>
    importResults(
      app.store,
      params.id,
      body.fileName,
      new Uint8Array(Buffer.from(body.contentBase64, "base64")),
      actor(req, body.reason),
    ),
  );

  addOperation(app, op.kpiResultsTemplateXlsx, async ({ params, reply }) => {
    const bytes = await resultsTemplateXlsx(app.store, params.id, todayInLondon());
    return reply
      .type(op.kpiResultsTemplateXlsx.produces)
      .header("content-disposition", `attachment; filename="kpi-results-${fileSafe(params.id)}.xlsx"`)
      .header("cache-control", "no-store")
      .send(bytes);
  });

  addOperation(app, op.kpiResultsTemplateCsv, async ({ params, reply }) => {
    const csv = await resultsTemplateCsv(app.store, params.id, todayInLondon());
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="kpi-results-${fileSafe(params.id)}.csv"`)
      .header("cache-control", "no-store")
      .send(csv.startsWith(CSV_BOM) ? csv : `${CSV_BOM}${csv}`);
  });

  addOperation(app, op.setServiceCreditRegime, async ({ params, body, req, reply }) => {
    const { reason, ...input } = body;
    const { regime, created } = await setRegime(app.store, params.id, input, actor(req, reason));
    if (created) reply.code(201);
    return regime;
  });

  addOperation(app, op.getServiceCredits, ({ params }) =>
    serviceCreditsFor(app.store, params.id, todayInLondon()),
  );

  addOperation(app, op.listSupplierScorecards, () => supplierScorecards(app.store));

  addOperation(app, op.listObligations, ({ params }) =>
    listObligations(app.store, params.id, todayInLondon()),
  );

  addOperation(app, op.createObligation, ({ params, body, req }) => {
    const { reason, ...input } = body;
    return addObligation(app.store, params.id, input, actor(req, reason));
  });

  addOperation(app, op.completeObligation, ({ params, body, req }) => {
    const { reason, obligationId, ...input } = body;
    return completeContractObligation(
      app.store,
      params.id,
      obligationId,
      input,
      actor(req, reason),
      todayInLondon(),
    );
  });
};
