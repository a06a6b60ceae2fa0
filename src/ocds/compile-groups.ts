/**
 * Compiles contracting processes held as release JSON texts, grouped by process (as the store
 * reads them for red flags), into one compiled release each. Its own module so the
 * derived-results worker can compile without loading the store and its database drivers.
 */
import { compileRelease } from "./merge.ts";
import type { JsonObject } from "./types.ts";

/** One compiled release per group; each group holds one process's releases in date order. */
export function compileGroups(groups: string[][]): JsonObject[] {
  return groups.map((g) =>
    compileRelease(
      g.map((text) => JSON.parse(text) as JsonObject),
      { consume: true },
    ),
  );
}
