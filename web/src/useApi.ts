/**
 * Loads one API answer for a page: `{data, error, loading}`. It reloads when the signed-in
 * account changes, because staff and the public see different records.
 */
import { useEffect, useState } from "react";
import { ApiError } from "./api.ts";
import { useAuth } from "./auth.tsx";

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

export function useApi<T>(load: (() => Promise<T>) | null, key: string): Loaded<T> {
  const { me, ready } = useAuth();
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  const account = `${me.username ?? ""}:${me.role}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a new closure each render; `key` names what it loads.
  useEffect(() => {
    if (!ready || !load) return;
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) =>
        live &&
        setState({
          data: null,
          error:
            e instanceof ApiError ? e : new ApiError(0, "client", e instanceof Error ? e.message : String(e)),
          loading: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [key, account, ready]);

  return state;
}
