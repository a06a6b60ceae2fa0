/**
 * What signing in and the administrators' account requests do beyond one store call: a sign-in
 * passes the per-address limit (in memory, the server's) and the per-name throttle (in the store)
 * before its password is checked, and counts or forgets its failure after; unlocking an account
 * answers the account as it now is. The routes (src/server/routes/auth.ts, users.ts) are thin
 * callers that turn an outcome into its HTTP answer.
 */
import type { AccountInfo, Me } from "../contract/accounts.ts";
import type { Store } from "../store/db.ts";
import { LOCK_FAILURES, admitSignIn, signInFailed, signInSucceeded, unlockAccount } from "../store/sign-in-throttle.ts";
import { accountInfo, findUserByName, listUsers, login } from "../store/users.ts";

/** Failed sign-ins per network address (src/server/sign-in-limiter.ts keeps them in memory). */
export interface AddressLimiter {
  /** Seconds the address must wait before another attempt; 0 when it may try now. */
  retryAfter(ip: string, nowMs: number): number;
  count(ip: string, nowMs: number): void;
  refund(ip: string): void;
}

/** How a sign-in ended; each kind has its own answer. */
export type SignInOutcome =
  | { kind: "signed-in"; token: string; me: Me }
  | { kind: "wait"; retryAfterSeconds: number; message: string }
  | { kind: "locked"; message: string }
  | { kind: "refused"; message: string };

/** The same words for a locked account and an unknown name locked the same way. */
const LOCKED = `this account is locked after ${LOCK_FAILURES} failed sign-ins: an administrator can unlock it (Accounts page, or nous users unlock NAME --reason TEXT)`;

/**
 * One sign-in attempt from `address` at `now`. Unknown names meet the same limits, in the same
 * order, as accounts, so no answer tells whether an account exists.
 */
export async function signIn(
  store: Store,
  addresses: AddressLimiter,
  attempt: { username: string; password: string; address: string; now: Date },
): Promise<SignInOutcome> {
  const { username, password, address, now } = attempt;
  const fromAddress = addresses.retryAfter(address, now.getTime());
  if (fromAddress > 0)
    return {
      kind: "wait",
      retryAfterSeconds: fromAddress,
      message: `too many failed sign-ins from your address: try again in ${fromAddress} seconds`,
    };
  const admission = await admitSignIn(store, username, now);
  if (admission.kind === "wait")
    return {
      kind: "wait",
      retryAfterSeconds: admission.retryAfterSeconds,
      message: `too many failed sign-ins for this username: try again in ${admission.retryAfterSeconds} seconds`,
    };
  if (admission.kind === "locked") return { kind: "locked", message: LOCKED };
  addresses.count(address, now.getTime());
  const res = await login(store, username, password);
  if (!res) {
    const isAccount = (await findUserByName(store, username)) !== undefined;
    if (await signInFailed(store, username, new Date(), isAccount)) return { kind: "locked", message: LOCKED };
    return { kind: "refused", message: "wrong username or password, or the account is disabled" };
  }
  addresses.refund(address);
  await signInSucceeded(store, username);
  return {
    kind: "signed-in",
    token: res.token,
    me: { username: res.user.username, displayName: res.user.display_name, role: res.user.role },
  };
}

/** Every account as the dashboard lists it, by username. */
export async function accounts(store: Store): Promise<AccountInfo[]> {
  return (await listUsers(store)).map(accountInfo);
}

/** Lifts an account's sign-in lock (audited, with its reason) and answers the account as it now is. */
export async function unlock(store: Store, username: string, actor: string, reason: string): Promise<AccountInfo> {
  await unlockAccount(store, username, actor, reason);
  const u = (await listUsers(store)).find((x) => x.username === username);
  if (!u) throw new Error(`account ${username} vanished while being unlocked`);
  return accountInfo(u);
}
