/**
 * Post counts must be whole numbers, zero or more: a fractional or negative head count means
 * the figures were typed wrongly or mix posts with FTE, and every other check would mislead.
 */
import type { Finding } from "../../finding.ts";
import type { WorkforceImpact } from "../types.ts";

export function checkWholeNumbers(w: WorkforceImpact): Finding[] {
  const out: Finding[] = [];
  const fields: Array<[string, number]> = [
    ["postsInScope", w.postsInScope],
    ["transferred", w.transferred],
    ["retained", w.retained],
    ["redundant", w.redundant],
    ...w.relocated.map((r, i): [string, number] => [`relocated[${i}].posts`, r.posts]),
  ];
  for (const [path, v] of fields) {
    if (!Number.isInteger(v) || v < 0) {
      out.push({
        code: "W-COUNT",
        severity: "error",
        path: `$.${path}`,
        message: `${path} must be a whole number of posts, 0 or more (got ${v})`,
      });
    }
  }
  return out;
}
