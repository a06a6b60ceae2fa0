/**
 * Loads one API answer for a page: `{data, error, loading}`, through the shared query cache
 * (web/src/queries.ts). The cache key is the page's `key` and the signed-in account, because
 * staff and the public see different records; `load` receives the AbortSignal that cancels its
 * request when the page no longer needs the answer. After a write, a page calls
 * `useInvalidate()(prefix)` to reload the answers whose key starts with `prefix`.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError } from "./api.ts";
import { useAuth } from "./auth.tsx";
import { accountKey } from "./queries.ts";

export { useInvalidate } from "./queries.ts";

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

/** Any failure as an ApiError, so pages show one kind of error. */
function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, "client", e instanceof Error ? e.message : String(e));
}

/**
 * `load` is null while the page cannot ask yet (it stays loading). `key` names what `load`
 * fetches: two calls with one key must load the same thing.
 */
export function useApi<T>(load: ((signal?: AbortSignal) => Promise<T>) | null, key: string): Loaded<T> {
  const { me, ready } = useAuth();
  const q = useQuery<T, unknown>({
    queryKey: [key, accountKey(me)],
    queryFn: ({ signal }) => {
      if (!load) throw new Error(`nothing to load for ${key}`);
      return load(signal);
    },
    enabled: ready && load !== null,
    // While another key loads (another buyer, another page of results), the last answer stays
    // on screen, as it did before the cache.
    placeholderData: keepPreviousData,
  });
  if (q.error) return { data: null, error: asApiError(q.error), loading: false };
  return {
    data: q.data ?? null,
    error: null,
    loading: q.isPending || (q.isPlaceholderData && q.isFetching) || (q.isFetching && q.data === undefined),
  };
}
