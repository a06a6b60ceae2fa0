/**
 * What every decide check reports: a stable code, how serious it is, where (a JSON-style path
 * into the checked data) and a sentence a committee member can read.
 */
export interface Finding {
  code: string;
  /** "error": the record is not acceptable as it stands; "warning": allowed but flagged. */
  severity: "error" | "warning";
  path: string;
  message: string;
}

export const hasErrors = (findings: Finding[]): boolean => findings.some((f) => f.severity === "error");
