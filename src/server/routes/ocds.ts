/**
 * OCDS in the product: contract events the register lacks (KPIs, performance ratings, changes,
 * termination), the Procurement Act 2023 notices nous can produce from them (which, and why
 * not), publishing a notice into the releases nous holds, and the data quality of those
 * releases. Releases are public; unpublished contracts and events are seen by staff only. The
 * operations are declared in src/contract/manage.ts and src/contract/ocds.ts; what each does is
 * in src/app/manage.ts and src/app/ocds-quality.ts.
 */
import type { FastifyPluginAsync } from "fastify";
import {
  addChange,
  addKpi,
  addRating,
  buildNotice,
  contractNotices,
  listContractEvents,
  publishNotice,
  setTermination,
} from "../../app/manage.ts";
import { ocdsQuality } from "../../app/ocds-quality.ts";
import {
  createChange,
  createKpi,
  createRating,
  listContractEvents as listContractEventsOp,
  recordTermination,
} from "../../contract/manage.ts";
import {
  getNotice,
  getOcdsQuality,
  listNotices,
  publishNotice as publishNoticeOp,
} from "../../contract/ocds.ts";
import { callerOf, seesUnpublished } from "../auth.ts";
import { addOperation } from "../operation.ts";

export const ocdsRoutes: FastifyPluginAsync = async (app) => {
  const actor = (req: Parameters<typeof callerOf>[0], reason: string) => ({
    username: callerOf(req).username,
    reason,
  });

  addOperation(app, listContractEventsOp, ({ params, req }) =>
    listContractEvents(app.store, params.id, !seesUnpublished(req)),
  );

  addOperation(app, createKpi, ({ params, body, req }) => {
    const { reason, ...input } = body;
    return addKpi(app.store, params.id, input, actor(req, reason));
  });

  addOperation(app, createRating, ({ params, body, req }) => {
    const { reason, ...input } = body;
    return addRating(app.store, params.id, input, actor(req, reason));
  });

  addOperation(app, createChange, ({ params, body, req }) => {
    const { reason, ...input } = body;
    return addChange(app.store, params.id, input, actor(req, reason));
  });

  addOperation(app, recordTermination, ({ params, body, req }) => {
    const { reason, endReason, ...input } = body;
    return setTermination(app.store, params.id, { ...input, reason: endReason }, actor(req, reason));
  });

  addOperation(app, listNotices, async ({ params, req }) => ({
    notices: await contractNotices(app.store, params.id, !seesUnpublished(req)),
  }));

  addOperation(app, getNotice, ({ params, req }) =>
    buildNotice(app.store, params.id, params.type, !seesUnpublished(req)),
  );

  addOperation(app, publishNoticeOp, async ({ params, body, req, reply }) => {
    const out = await publishNotice(app.store, params.id, params.type, actor(req, body.reason));
    if (out.inserted > 0) reply.code(201);
    return out;
  });

  addOperation(app, getOcdsQuality, ({ query }) =>
    ocdsQuality(app.store, query.buyer ? { buyer: query.buyer } : {}),
  );
};
