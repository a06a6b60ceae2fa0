/**
 * A contract's payment mechanism (operations in src/contract/manage-payment.ts, what each does
 * in src/app/manage-payment.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import { paymentMechanism, setPaymentMechanism } from "../../app/manage-payment.ts";
import * as op from "../../contract/manage-payment.ts";
import { callerOf, seesUnpublished } from "../auth.ts";
import { addOperation } from "../operation.ts";

export const managePaymentRoutes: FastifyPluginAsync = async (app) => {
  addOperation(app, op.getPaymentMechanism, ({ params, req }) =>
    paymentMechanism(app.store, params.id, !seesUnpublished(req)),
  );

  addOperation(app, op.putPaymentMechanism, ({ params, body, req }) => {
    const { reason, ...mechanism } = body;
    return setPaymentMechanism(app.store, params.id, mechanism, { username: callerOf(req).username, reason });
  });
};
