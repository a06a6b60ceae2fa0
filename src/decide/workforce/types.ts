/**
 * Workforce impact of a sourcing decision: the posts in scope and what happens to each of them
 * (transferred to the supplier under TUPE, retained, made redundant), where transferred posts
 * are relocated to, and the supplier's declared use of zero-hour contracts with its source.
 */

export interface Relocation {
  location: string;
  posts: number;
}

export interface ZeroHoursDeclaration {
  /** What the supplier has declared about zero-hour contracts for this service. */
  status: "yes" | "no" | "not-declared";
  /** Where the declaration comes from (tender response, contract schedule, FOI answer...). */
  source?: string;
  date?: string;
}

export interface WorkforceImpact {
  service: string;
  postsInScope: number;
  /** Transferred to the supplier under TUPE. */
  transferred: number;
  /** Kept in-house (e.g. a retained client function). */
  retained: number;
  redundant: number;
  relocated: Relocation[];
  zeroHours: ZeroHoursDeclaration;
}
