/**
 * Value over a contract's life: savings realised against claimed, variations (append only: no
 * update or delete route) and the exit plan. Today's date is London's (todayInLondon).
 */
import type { FastifyPluginAsync } from "fastify";
import {
  addVariation,
  exitFor,
  savingsFor,
  setAwardBaseline,
  setExitPlan,
  setSavingsPlan,
  variationsFor,
} from "../../app/manage-value.ts";
import * as op from "../../contract/manage-value.ts";
import { todayInLondon } from "../../shared/dates.ts";
import { callerOf, seesUnpublished } from "../auth.ts";
import { addOperation } from "../operation.ts";

export const manageValueRoutes: FastifyPluginAsync = async (app) => {
  const actor = (req: Parameters<typeof callerOf>[0], reason: string) => ({
    username: callerOf(req).username,
    reason,
  });

  addOperation(app, op.getSavings, ({ params, req }) =>
    savingsFor(app.store, params.id, todayInLondon(), !seesUnpublished(req)),
  );

  addOperation(app, op.putSavingsPlan, ({ params, body, req }) => {
    const { reason, ...input } = body;
    return setSavingsPlan(app.store, params.id, { ...input, source: input.source ?? "" }, todayInLondon(), actor(req, reason));
  });

  addOperation(app, op.getVariations, ({ params, req }) =>
    variationsFor(app.store, params.id, !seesUnpublished(req)),
  );

  addOperation(app, op.putAwardBaseline, ({ params, body, req }) => {
    const { reason, ...input } = body;
    return setAwardBaseline(app.store, params.id, input, actor(req, reason));
  });

  addOperation(app, op.createVariation, ({ params, body, req }) => {
    const { reason, changeReason, ...input } = body;
    return addVariation(app.store, params.id, { ...input, reason: changeReason }, actor(req, reason));
  });

  addOperation(app, op.getExit, ({ params }) => exitFor(app.store, params.id, todayInLondon()));

  addOperation(app, op.putExitPlan, ({ params, body, req }) => {
    const { reason, ...input } = body;
    return setExitPlan(app.store, params.id, input, todayInLondon(), actor(req, reason));
  });
};
