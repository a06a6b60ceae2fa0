/**
 * The order releases are merged in (see merge.ts): by date, stable, and how a release's own
 * fields are read.
 */
import type { Issue, Json, JsonObject } from "./types.ts";

/**
 * A release's own field. Every release's top-level fields are read here, whatever the release's
 * shape (each mix of fields parses to its own shape): one place that has seen every shape, so
 * that the engine does not optimise each caller for the first few shapes it met and then throw
 * that work away as others arrive.
 */
export function fieldOf(r: JsonObject, key: string): Json | undefined {
  return r[key];
}

/**
 * Releases in merge order, as sortReleases gives them, but the input array itself when it is
 * already in that order (as most publications are), to spare the copy and the sort.
 */
export function mergeOrder(releases: JsonObject[], warnings: Issue[]): JsonObject[] {
  let prev = "";
  for (const r of releases) {
    const d = fieldOf(r, "date");
    if (typeof d !== "string" || d === "" || d < prev) return sortReleases(releases, warnings);
    prev = d;
  }
  return releases;
}

/** Releases in date order (stable); a release with no date sorts first, with a warning. */
export function sortReleases(releases: JsonObject[], warnings: Issue[] = []): JsonObject[] {
  const dates = releases.map((r) => {
    const d = fieldOf(r, "date");
    return typeof d === "string" ? d : "";
  });
  releases.forEach((r, i) => {
    if (dates[i] === "") {
      warnings.push({
        severity: "warning",
        code: "missing-date",
        message: `release ${String(fieldOf(r, "id"))} has no date; it is merged first`,
        path: "$.date",
      });
    }
  });
  const order = releases.map((_, i) => i);
  if (order.length > 16) {
    order.sort((a, b) => (dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : a - b));
    return order.map((i) => releases[i]!);
  }
  // A contracting process has a handful of releases: an insertion sort of their positions
  // (stable, nothing allocated per comparison).
  for (let i = 1; i < order.length; i++) {
    const k = order[i]!;
    const d = dates[k]!;
    let j = i - 1;
    while (j >= 0 && dates[order[j]!]! > d) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = k;
  }
  return order.map((i) => releases[i]!);
}
