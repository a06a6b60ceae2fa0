/**
 * A contract's record saved all or nothing: base fields, owners, term and payment mechanism in
 * one request (operation in src/contract/contract-sheet.ts, what it does in
 * src/app/contract-sheet.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import { saveContractSheet } from "../../app/contract-sheet.ts";
import { putContractSheet } from "../../contract/contract-sheet.ts";
import { callerOf } from "../auth.ts";
import { addOperation } from "../operation.ts";

export const contractSheetRoutes: FastifyPluginAsync = async (app) => {
  addOperation(app, putContractSheet, ({ params, body, req }) => {
    const { reason, ...sections } = body;
    return saveContractSheet(app.store, params.id, sections, { username: callerOf(req).username, reason });
  });
};
