/**
 * Field coverage: how many times each JSON path is non-empty across JSON texts (Cardinal's
 * `coverage` command). Empty nodes are "", [], {} and null, and any node containing only empty
 * nodes. Paths use Cardinal's syntax: "" is the line itself; a path ending with "/" is an object;
 * a path ending with "[]" is an array element; other paths are object members (e.g.
 * "/phoneNumbers[]/type"). An object value is counted both at its own path and at its path + "/".
 *
 * Paths appear in the order they are first counted (children before their parents).
 * Used by `nous flags coverage` and by the OCDS data-quality report.
 */

export type Coverage = Map<string, number>;

function bump(counts: Coverage, path: string): void {
  counts.set(path, (counts.get(path) ?? 0) + 1);
}

/** Walks one value at `path`; counts its non-empty nodes and returns whether it is non-empty. */
function walk(value: unknown, path: string, counts: Coverage): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") {
    if (value === "") return false;
  } else if (Array.isArray(value)) {
    const element = `${path}[]`;
    let any = false;
    for (const v of value) if (walk(v, element, counts)) any = true;
    if (!any) return false;
  } else if (typeof value === "object") {
    const prefix = `${path}/`;
    let any = false;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (walk(v, prefix + k, counts)) any = true;
    }
    if (!any) return false;
    bump(counts, prefix);
  }
  bump(counts, path);
  return true;
}

/** Adds one parsed JSON text (one line) to the counts. */
export function coverageFold(counts: Coverage, value: unknown): Coverage {
  walk(value, "", counts);
  return counts;
}

/** Merges partial counts (b after a). */
export function coverageReduce(a: Coverage, b: Coverage): Coverage {
  for (const [k, n] of b) a.set(k, (a.get(k) ?? 0) + n);
  return a;
}

/** Counts the non-empty values per JSON path over parsed JSON texts. */
export function coverage(values: Iterable<unknown>): Coverage {
  const counts: Coverage = new Map();
  for (const v of values) coverageFold(counts, v);
  return counts;
}

/** Writes counts as Cardinal does: `{"path": n, ...}` with a space after ":" and ",". */
export function coverageJson(counts: Coverage): string {
  const parts: string[] = [];
  for (const [k, n] of counts) parts.push(`${JSON.stringify(k)}: ${n}`);
  return `{${parts.join(", ")}}`;
}
