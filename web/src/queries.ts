/**
 * The dashboard's one cache of API answers (TanStack Query): how long an answer stays fresh,
 * which failures are worth asking again, how a page marks answers stale after it writes, and
 * that one account's answers are forgotten when another signs in.
 */
import { type Query, QueryClient, useQueryClient } from "@tanstack/react-query";
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

function keyStarts(prefix: string): (q: Query) => boolean {
  return (q) => typeof q.queryKey[0] === "string" && q.queryKey[0].startsWith(prefix);
}

/**
 * After a write: fetches again at once the answers on screen whose key starts with `prefix`
 * (all of them for ""), and marks every other answer stale, so another page shows what the
 * write changed when it is next opened instead of a copy younger than FRESH_MS.
 */
export function useInvalidate(): (prefix?: string) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (prefix = "") => {
      const matches = keyStarts(prefix);
      await Promise.all([
        client.invalidateQueries({ predicate: matches }),
        client.invalidateQueries({ predicate: (q) => !matches(q), refetchType: "none" }),
      ]);
    },
    [client],
  );
}

/**
 * After a write that reloads nothing itself: marks every answer stale without fetching, so
 * each is fetched again when next shown (the forms' save helper calls this).
 */
export function useMarkStale(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ refetchType: "none" }), [client]);
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
