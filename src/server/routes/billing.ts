/**
 * Billing assurance routes: each operation of src/contract/billing.ts answered by its use case
 * in src/app/billing.ts (upload and reconcile a run, the queue, the export, the workflow).
 */
import type { FastifyPluginAsync } from "fastify";
import {
  billingRules,
  billingTotals,
  exceptionDetail,
  exceptionQueue,
  exceptionsCsv,
  exportFileName,
  listRuns,
  moveException,
  uploadRun,
} from "../../app/billing.ts";
import {
  BILLING_ACTION_OPERATIONS,
  BILLING_ACTIONS,
  exportBillingExceptions,
  getBillingException,
  getBillingTotals,
  listBillingExceptions,
  listBillingRules,
  listBillingRuns,
  uploadBillingRun,
} from "../../contract/billing.ts";
import { callerOf } from "../auth.ts";
import { addOperation } from "../operation.ts";

export const billingRoutes: FastifyPluginAsync = async (app) => {
  addOperation(app, listBillingRules, () => billingRules());

  addOperation(app, uploadBillingRun, ({ params, body, req }) =>
    uploadRun(app.store, params.id, body.files, { username: callerOf(req).username, reason: body.reason }),
  );

  addOperation(app, listBillingRuns, ({ params }) => listRuns(app.store, params.id));

  addOperation(app, getBillingTotals, ({ params }) => billingTotals(app.store, params.id));

  addOperation(app, listBillingExceptions, ({ query }) => exceptionQueue(app.store, query));

  addOperation(app, exportBillingExceptions, async ({ query, reply }) => {
    const csv = await exceptionsCsv(app.store, query);
    // About individuals: a download, kept by no browser or proxy cache.
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${exportFileName(query.contractId)}"`)
      .header("cache-control", "no-store")
      .send(csv);
  });

  addOperation(app, getBillingException, ({ params }) => exceptionDetail(app.store, params.id));

  for (const action of BILLING_ACTIONS)
    addOperation(app, BILLING_ACTION_OPERATIONS[action], ({ params, body, req }) =>
      moveException(
        app.store,
        params.id,
        action,
        { username: callerOf(req).username, reason: body.reason },
        "creditNote" in body ? { creditNote: body.creditNote, amountPence: body.amountPence } : {},
      ),
    );
};
