/** A balanced example for the workforce tests (numbers invented except the 445 transferred posts). */
import type { WorkforceImpact } from "./types.ts";

export function example(): WorkforceImpact {
  return {
    service: "business support",
    postsInScope: 500,
    transferred: 445,
    retained: 40,
    redundant: 15,
    relocated: [
      { location: "Newport", posts: 200 },
      { location: "Newcastle", posts: 150 },
    ],
    zeroHours: { status: "no", source: "tender response, schedule 7" },
  };
}
