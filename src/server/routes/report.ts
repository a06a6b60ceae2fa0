/**
 * The scrutiny report (declared in src/contract/report.ts): the use case in src/app/report.ts
 * builds it from the store, with the appraisals and red flags from this store's derived-results
 * worker; answered as an HTML download that no cache keeps (it holds unpublished records).
 */
import type { FastifyPluginAsync } from "fastify";
import { derivedResults } from "../../app/derived-results.ts";
import { reportFileName, scrutinyReport } from "../../app/report.ts";
import { getScrutinyReport } from "../../contract/report.ts";
import { todayInLondon } from "../../shared/dates.ts";
import { addOperation } from "../operation.ts";

export const reportRoutes: FastifyPluginAsync = async (app) => {
  const derived = derivedResults(app.store);
  app.addHook("onClose", () => derived.close());

  addOperation(app, getScrutinyReport, async ({ query, reply }) => {
    const today = todayInLondon();
    const scope = { serviceId: query.service, contractId: query.contract };
    const { html } = await scrutinyReport(app.store, derived, { ...scope, today });
    return reply
      .type("text/html; charset=utf-8")
      .header("content-disposition", `attachment; filename="${reportFileName(scope, today, "html")}"`)
      .header("cache-control", "no-store")
      .send(html);
  });
};
