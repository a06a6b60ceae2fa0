/**
 * Turns a zod validation failure into an InputError that names the file and the JSON path of
 * the first problem in words a user can act on: `$.options[0].cashflows[1].amount: expected a
 * number`. All issues travel in `details` for adapters that show more than one.
 */
import type { z } from "zod";
import { InputError } from "../../shared/errors.ts";

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "$";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (typeof p === "string" && /^[A-Za-z_$][\w$]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

const ARTICLE: Record<string, string> = {
  number: "a number",
  string: "a string",
  int: "a whole number",
  boolean: "true or false",
  array: "an array",
  object: "an object",
};

interface FlatIssue {
  path: PropertyKey[];
  message: string;
}

function describe(issue: z.core.$ZodIssue, prefix: PropertyKey[]): FlatIssue {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case "invalid_type": {
      const what = ARTICLE[issue.expected] ?? issue.expected;
      const missing = !("input" in issue) || issue.input === undefined;
      return { path, message: missing ? `required: expected ${what}` : `expected ${what}` };
    }
    case "invalid_value":
      return {
        path,
        message:
          issue.values.length === 1
            ? `expected ${JSON.stringify(issue.values[0])}`
            : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
      };
    case "unrecognized_keys":
      return {
        path,
        message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`,
      };
    case "invalid_union": {
      // Report the branch that got furthest (its first issue has the longest path), unless the
      // union carries its own message.
      if (issue.message && issue.message !== "Invalid input") return { path, message: issue.message };
      let best: FlatIssue | null = null;
      for (const branch of issue.errors) {
        const first = branch[0];
        if (!first) continue;
        const flat = describe(first, path);
        if (!best || flat.path.length > best.path.length) best = flat;
      }
      return best ?? { path, message: "does not match any allowed form" };
    }
    case "too_small":
    case "too_big":
      // A bound that states its whole range (money: "expected pounds from 0 to ...") keeps it.
      if (issue.message.startsWith("expected ")) return { path, message: issue.message };
      return issue.code === "too_small"
        ? {
            path,
            message:
              issue.origin === "array"
                ? `expected at least ${issue.minimum} item${issue.minimum === 1 ? "" : "s"}`
                : `expected ${issue.inclusive ? "at least" : "more than"} ${issue.minimum}`,
          }
        : {
            path,
            message:
              issue.origin === "array"
                ? `expected at most ${issue.maximum} items`
                : `expected ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}`,
          };
    default:
      return { path, message: issue.message };
  }
}

export function issuesToInputError(error: z.ZodError, file?: string): InputError {
  const flat = error.issues.map((i) => describe(i, []));
  const first = flat[0] ?? { path: [], message: "invalid" };
  return new InputError(first.message, {
    code: "invalid_case",
    location: { ...(file !== undefined ? { file } : {}), path: jsonPath(first.path) },
    details: flat.map((f) => ({ path: jsonPath(f.path), message: f.message })),
  });
}
