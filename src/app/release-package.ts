/**
 * The release package of the releases nous holds (`GET /api/ocds/releases`), built once per change
 * of the releases and per query, then served from memory as its JSON text. Building it parses and
 * re-serialises every stored release; done per request it was the slowest route under load (327
 * requests/s, p99 2.7 s at 100 connections). The releases' version is their count and the time of
 * the latest import: an import adds rows with a new time, and nothing else changes the table.
 * The package's publishedDate is that time, so the same data always gives the same bytes. The
 * cache is the one derived results use (./derived.ts): bounded, and one build for concurrent requests.
 */
import type { ReleasePackage } from "../contract/releases.ts";
import type { Store } from "../store/db.ts";
import { listReleases, releasesVersion } from "../store/releases.ts";
import { DerivedCache, inputKey } from "./derived.ts";

export interface PackageQuery {
  ocid?: string;
  since?: string;
  limit?: number;
}

/** Packages kept per store (the unfiltered one and a few filtered ones), and their bytes at most. */
const CACHE = { maxEntries: 32, maxBytes: 64 * 1024 * 1024 };
const caches = new WeakMap<Store, DerivedCache>();

/** The package as JSON text, from memory when the releases have not changed since it was built. */
export async function releasePackageJson(store: Store, query: PackageQuery): Promise<string> {
  const v = await releasesVersion(store);
  let cache = caches.get(store);
  if (!cache) {
    cache = new DerivedCache(CACHE);
    caches.set(store, cache);
  }
  const key = inputKey(
    "release-package",
    v.count,
    v.latestImport,
    query.ocid ?? null,
    query.since ?? null,
    query.limit ?? null,
  );
  return cache.get(key, async () => {
    const rows = await listReleases(store, query);
    const pkg: ReleasePackage = {
      uri: "urn:nous:releases",
      publishedDate: v.latestImport ?? "1970-01-01T00:00:00.000Z",
      version: "1.1",
      publisher: { name: "nous" },
      releases: rows.map((r) => JSON.parse(r.data_json) as ReleasePackage["releases"][number]),
    };
    return JSON.stringify(pkg);
  });
}
