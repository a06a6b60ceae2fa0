/**
 * Accounts in the dashboard: the administrator's list of accounts and their API tokens, and
 * every account holder's own password and tokens. Token secrets are shown once, when issued;
 * lists carry only a token's name, date and public id.
 */
import type { AccountInfo, ApiTokenInfo } from "../../src/store/users.ts";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "../../src/shared/password-policy.ts";
import { apiGet, apiPost } from "./api.ts";

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

const user = (username: string) => `/api/users/${encodeURIComponent(username)}`;

export const accountsApi = {
  list: () => apiGet<AccountInfo[]>("/api/users"),
  add: (a: { username: string; displayName?: string; role: string; password: string; reason: string }) =>
    apiPost<AccountInfo>("/api/users", a),
  tokens: (username: string) => apiGet<ApiTokenInfo[]>(`${user(username)}/tokens`),
  issueToken: (username: string, name: string, reason: string) =>
    apiPost<{ token: string }>(`${user(username)}/tokens`, { name, reason }),
  revokeToken: (username: string, id: string, reason: string) =>
    apiPost<ApiTokenInfo>(`${user(username)}/tokens/revoke`, { id, reason }),
  resetPassword: (username: string, password: string, reason: string) =>
    apiPost<{ ok: boolean }>(`${user(username)}/password`, { password, reason }),
  changeRole: (username: string, role: string, reason: string) =>
    apiPost<AccountInfo>(`${user(username)}/role`, { role, reason }),
  setDisabled: (username: string, disabled: boolean, reason: string) =>
    apiPost<AccountInfo>(`${user(username)}/disabled`, { disabled, reason }),
  unlock: (username: string, reason: string) => apiPost<AccountInfo>(`${user(username)}/unlock`, { reason }),

  /** The caller's own account. */
  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    apiPost<{ ok: boolean }>("/api/auth/password", { currentPassword, newPassword }),
  ownTokens: () => apiGet<ApiTokenInfo[]>("/api/auth/tokens"),
  revokeOwnToken: (id: string) => apiPost<ApiTokenInfo>("/api/auth/tokens/revoke", { id }),
};
