/**
 * Accounts and API tokens: administrators only (operations declared in src/contract/accounts.ts).
 * Each write names its reason, kept in the audit trail; passwords and token secrets never are.
 * An account holder's own password and tokens are under /api/auth (routes/auth.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import { accounts, unlock } from "../../app/accounts.ts";
import * as op from "../../contract/accounts.ts";
import {
  accountInfo,
  addUser,
  changeRole,
  createApiToken,
  listApiTokens,
  resetPassword,
  revokeApiToken,
  setAccountDisabled,
} from "../../store/users.ts";
import { callerOf } from "../auth.ts";
import { addOperation } from "../operation.ts";

export const userRoutes: FastifyPluginAsync = async (app) => {
  addOperation(app, op.listAccounts, () => accounts(app.store));

  addOperation(app, op.unlockAccount, ({ params, body, req }) =>
    unlock(app.store, params.username, callerOf(req).username, body.reason),
  );

  addOperation(app, op.createAccount, async ({ body, req }) => {
    const { reason: why, ...account } = body;
    const u = await addUser(app.store, account, callerOf(req).username, why?.trim() || "account created through the API");
    return accountInfo(u);
  });

  addOperation(app, op.listAccountTokens, ({ params }) => listApiTokens(app.store, params.username));

  addOperation(app, op.issueAccountToken, async ({ params, body, req }) => {
    const token = await createApiToken(
      app.store,
      params.username,
      body.name.trim(),
      callerOf(req).username,
      body.reason?.trim() || "API token issued",
    );
    return { token };
  });

  addOperation(app, op.revokeAccountToken, ({ params, body, req }) =>
    revokeApiToken(app.store, params.username, body.id, callerOf(req).username, body.reason),
  );

  addOperation(app, op.resetAccountPassword, async ({ params, body, req }) => {
    await resetPassword(app.store, params.username, body.password, callerOf(req).username, body.reason);
    return { ok: true } as const;
  });

  addOperation(app, op.changeAccountRole, ({ params, body, req }) =>
    changeRole(app.store, params.username, body.role, callerOf(req).username, body.reason),
  );

  addOperation(app, op.setAccountDisabled, ({ params, body, req }) =>
    setAccountDisabled(app.store, params.username, body.disabled, callerOf(req).username, body.reason),
  );
};
