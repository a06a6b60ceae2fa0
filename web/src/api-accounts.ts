/**
 * Accounts in the dashboard: the administrator's list of accounts and their API tokens, and
 * every account holder's own password and tokens. Token secrets are shown once, when issued;
 * lists carry only a token's name, date and public id.
 */
import * as op from "../../src/contract/accounts.ts";
import type { AccountInfo, ApiTokenInfo } from "../../src/contract/accounts.ts";
import type { AccountRole } from "../../src/contract/roles.ts";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "../../src/shared/password-policy.ts";
import { call } from "./client.ts";

export type { AccountInfo, ApiTokenInfo };

/** Roles an account can hold, in the order the forms offer them. */
export const ACCOUNT_ROLE_OPTIONS: [AccountInfo["role"], string][] = [
  ["admin", "Administrator"],
  ["commercial", "Commercial lead"],
  ["contract-manager", "Contract manager"],
  ["finance", "Finance"],
  ["scrutineer", "Scrutineer (reads everything, changes nothing)"],
];

/** What a new password must be (the server's rule, src/shared/password-policy.ts). */
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters, not a commonly used password, not your username with a little added. Several words make a good one.`;

/** The server's password rule checked as the form is sent, in a sentence; null when it passes. */
export function newPasswordProblem(password: string, username?: string): string | null {
  const p = passwordProblem(password, username);
  return p ? `${p.charAt(0).toUpperCase()}${p.slice(1)}.` : null;
}

// The forms hold a role as the text of a <select>; the server refuses any that is not a role.
const asRole = (role: string) => role as AccountRole;

export const accountsApi = {
  list: () => call(op.listAccounts),
  add: (a: { username: string; displayName?: string; role: string; password: string; reason: string }) =>
    call(op.createAccount, { body: { ...a, role: asRole(a.role) } }),
  tokens: (username: string) => call(op.listAccountTokens, { params: { username } }),
  issueToken: (username: string, name: string, reason: string) =>
    call(op.issueAccountToken, { params: { username }, body: { name, reason } }),
  revokeToken: (username: string, id: string, reason: string) =>
    call(op.revokeAccountToken, { params: { username }, body: { id, reason } }),
  resetPassword: (username: string, password: string, reason: string) =>
    call(op.resetAccountPassword, { params: { username }, body: { password, reason } }),
  changeRole: (username: string, role: string, reason: string) =>
    call(op.changeAccountRole, { params: { username }, body: { role: asRole(role), reason } }),
  setDisabled: (username: string, disabled: boolean, reason: string) =>
    call(op.setAccountDisabled, { params: { username }, body: { disabled, reason } }),
  unlock: (username: string, reason: string) => call(op.unlockAccount, { params: { username }, body: { reason } }),

  /** The caller's own account. */
  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    call(op.changeOwnPassword, { body: { currentPassword, newPassword } }),
  ownTokens: () => call(op.listOwnTokens),
  revokeOwnToken: (id: string) => call(op.revokeOwnToken, { body: { id } }),
};
