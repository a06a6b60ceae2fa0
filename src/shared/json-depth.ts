/**
 * Nesting limit for JSON text. Deeply nested input (20,000 `[`s) is valid JSON, but every
 * recursive walk over it (schema validation, merging, serialising) then dies with "Maximum call
 * stack size exceeded" and no location. Every reader checks the depth first, in one linear pass,
 * and refuses text nested deeper than the limit, naming the line and column where it goes over.
 * JSON.parse itself does not recurse (V8's parser is iterative), so a reader may instead parse
 * first and check the parsed value (valueTooDeep), which is cheaper than walking the text.
 */
import { InputError } from "./errors.ts";

/**
 * Deepest nesting of arrays and objects nous accepts. The deepest OCDS 1.1 path is about ten
 * levels (releases > awards > items > classification ...); decide documents about six.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * True when text nests deeper than `max`. The fast path every reader takes (a JSON Lines file is
 * checked line by line): strings, most of the bytes of a real document, are skipped with indexOf,
 * and lines are not counted; only text that fails is scanned again for its line and column.
 */
export function isTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // To the closing quote: one not preceded by an odd run of backslashes.
      for (;;) {
        const q = text.indexOf('"', i + 1);
        if (q < 0) return false;
        let b = q - 1;
        while (text.charCodeAt(b) === 92) b--;
        i = q;
        if ((q - 1 - b) % 2 === 0) break;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** Where text first nests deeper than `max`, as 1-based line and column; null when it does not. */
export function findTooDeep(text: string, max = MAX_JSON_DEPTH): { line: number; column: number } | null {
  if (!isTooDeep(text, max)) return null;
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      else if (c === 10) {
        line++;
        lineStart = i + 1;
      }
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) return { line, column: i - lineStart + 1 };
    } else if (c === 125 || c === 93) depth--;
    else if (c === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return null;
}

/** Throws an InputError naming where the text nests deeper than the limit. */
export function checkJsonDepth(text: string, file?: string, firstLine = 1, max = MAX_JSON_DEPTH): void {
  const at = findTooDeep(text, max);
  if (!at) return;
  throw new InputError(`JSON nested more than ${max} levels deep; nous reads at most ${max}`, {
    code: "too_deep",
    location: { ...(file !== undefined ? { file } : {}), line: firstLine + at.line - 1, column: at.column },
  });
}

/**
 * True when a value parsed from JSON nests arrays and objects deeper than `max`: the verdict
 * isTooDeep gives on its text. It walks the parsed containers, not the characters, so it costs
 * about a quarter of the walk over the text; the text is walked only when it is too deep, for
 * the line and column (checkJsonDepth).
 */
export function valueTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  return typeof value === "object" && value !== null && deeper(value, max);
}

/** True when the container nests deeper than `left` (itself counting one). */
function deeper(v: object, left: number): boolean {
  if (left === 0) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === "object" && x !== null && deeper(x, left - 1)) return true;
    }
    return false;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (typeof x === "object" && x !== null && deeper(x, left - 1)) return true;
  }
  return false;
}
