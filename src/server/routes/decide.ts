/**
 * Decide: appraisal cases, delivery model assessments, workforce impacts, capability
 * self-assessments and payment profiles (stored as the engine's documents), gate events, and
 * the engine's results over them: appraisal with Monte Carlo, DMA recommendation, workforce
 * checks, capability summary, accountability horizon against the stored election calendar, and
 * the gate history with its flags. Anyone reads what is published; the buyer side writes;
 * finance may also write appraisal cases. The operations are declared in src/contract/decide.ts,
 * what they do is in src/app/decide.ts. An appraisal's result (with its Monte Carlo) is computed
 * once per version of the case, on the derived-results worker, and served from memory after that
 * (src/app/appraisal-result.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import {
  contractHorizon,
  deal,
  publishDocument,
  publishGateEvent,
  recordGateEvent,
  saveDocument,
  subjectGateHistory,
  withResult,
} from "../../app/decide.ts";
import { derivedResults } from "../../app/derived-results.ts";
import * as op from "../../contract/decide.ts";
import { getDocument, listDocuments } from "../../store/decide.ts";
import { callerOf, seesUnpublished } from "../auth.ts";
import { addOperation } from "../operation.ts";

export const decideRoutes: FastifyPluginAsync = async (app) => {
  const store = app.store;
  const derived = derivedResults(store);
  app.addHook("onClose", () => derived.close());
  const actor = (req: Parameters<typeof callerOf>[0], reason: string) => ({
    username: callerOf(req).username,
    reason,
  });

  for (const kind of op.DECIDE_KINDS) {
    // Every kind's operations have one shape, typed here over all the kinds at once.
    const ops: op.KindOperations = op.documentOperationsByKind[kind];

    addOperation(app, ops.list, ({ query, req }) =>
      listDocuments(store, kind, { ...query, publishedOnly: !seesUnpublished(req) }),
    );

    addOperation(app, ops.get, ({ params, req }) =>
      getDocument(store, kind, params.id, !seesUnpublished(req)),
    );

    addOperation(app, ops.result, async ({ params, query, req, reply }) => {
      const doc = await getDocument(store, kind, params.id, !seesUnpublished(req));
      const head = { id: doc.id, kind, title: doc.title, demoFields: doc.demoFields };
      if (doc.kind === "appraisal") {
        // The cached result is JSON text (the engine's whole report): sent as it is, in the body
        // it has always had, without parsing it to serialise it again.
        const text = await derived.appraisals.resultText(doc, query);
        return reply
          .type("application/json; charset=utf-8")
          .send(`${JSON.stringify(head).slice(0, -1)},"result":${text}}`);
      }
      const { result } = await withResult(store, derived.appraisals, doc, query);
      return { ...head, result };
    });

    addOperation(app, ops.put, async ({ params, body, req, reply }) => {
      const { action, document } = await saveDocument(store, kind, params.id, body, actor(req, body.reason));
      reply.code(action === "create" ? 201 : 200);
      return document;
    });

    addOperation(app, ops.publish, ({ params, body, req }) =>
      publishDocument(store, kind, params.id, body.published, actor(req, body.reason)),
    );
  }

  addOperation(app, op.listGates, ({ query, req }) =>
    subjectGateHistory(store, query, { publishedOnly: !seesUnpublished(req) }),
  );

  addOperation(app, op.recordGateEvent, ({ body, req }) =>
    recordGateEvent(store, body, callerOf(req).username),
  );

  addOperation(app, op.publishGateEvent, ({ params, body, req }) =>
    publishGateEvent(store, params.id, body.published, actor(req, body.reason)),
  );

  addOperation(app, op.getContractHorizon, ({ params, req }) =>
    contractHorizon(store, params.id, { publishedOnly: !seesUnpublished(req) }),
  );

  addOperation(app, op.getDeal, ({ params, query, req }) =>
    deal(store, derived.appraisals, params.id, query, { publishedOnly: !seesUnpublished(req) }),
  );
};
