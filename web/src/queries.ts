/**
 * The dashboard's one cache of API answers (TanStack Query): how long an answer stays fresh,
 * which failures are worth asking again, how a page marks answers stale after it writes, and
 * that one account's answers are forgotten when another signs in.
 */
import { QueryClient, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { ApiError } from "./api.ts";
import { useAuth } from "./auth.tsx";
import type { Me } from "./api.ts";

/** An answer younger than this is shown as it is, without asking the server again. */
export const FRESH_MS = 30_000;
/** Tries after the first, for failures worth retrying. */
const RETRIES = 2;

/**
 * Worth asking again: the server could not be reached, or answered 503 (this server sends 503
 * only with Retry-After, when its store is briefly unavailable). A 4xx answer would be the same
 * the next time, so it is never retried; nor is a 500.
 */
export function worthRetrying(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.code === "network" || error.status === 503;
}

/** The cache key of the account whose answers a query holds: staff and the public see different records. */
export function accountKey(me: Me): string {
  return `${me.username ?? ""}:${me.role}`;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: FRESH_MS,
        retry: (failures, error) => failures < RETRIES && worthRetrying(error),
        // 1 s, then 2 s: the store's Retry-After is a second or two.
        retryDelay: (attempt) => 1000 * 2 ** attempt,
        // Pages hold forms next to what they load; a refetch on focus would change what someone
        // is reading or correcting under their hands.
        refetchOnWindowFocus: false,
      },
    },
  });
}

/**
 * Marks stale every answer whose key starts with `prefix` (all of them for ""), after a write;
 * those on screen are fetched again at once, the others when next shown.
 */
export function useInvalidate(): (prefix?: string) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    (prefix = "") =>
      client.invalidateQueries({
        predicate: (q) => typeof q.queryKey[0] === "string" && q.queryKey[0].startsWith(prefix),
      }),
    [client],
  );
}

/** Drops answers loaded for any other account once the signed-in account changes (sign-out included). */
export function ForgetOtherAccounts() {
  const client = useQueryClient();
  const { me, ready } = useAuth();
  const account = accountKey(me);
  useEffect(() => {
    if (!ready) return;
    client.removeQueries({ predicate: (q) => q.queryKey[1] !== account });
  }, [client, account, ready]);
  return null;
}
