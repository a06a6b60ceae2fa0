/**
 * Reads a JSON file for the decide commands. A syntax error names the line and column: the
 * runtime's own message does not always carry a position, so the text is scanned with the shared
 * JSON grammar checker (src/shared/json-position.ts) to find the first offending character.
 */
import { readFileSync } from "node:fs";
import { InputError } from "../shared/errors.ts";
import { checkJsonDepth } from "../shared/json-depth.ts";
import { findJsonSyntaxError } from "../shared/json-position.ts";

/**
 * Offset of the first character that breaks the JSON grammar (the text length at an early end),
 * or -1 when the text is valid JSON.
 */
export function jsonErrorOffset(text: string): number {
  return findJsonSyntaxError(text)?.offset ?? -1;
}

/**
 * The parsed document, or an InputError naming the file, line and column: of the first character
 * that breaks the grammar, or of where the text nests deeper than MAX_JSON_DEPTH (the schema check
 * walks the document recursively and would die with no location on 20,000 `[`s).
 */
export function parseJsonText(text: string, file?: string): unknown {
  checkJsonDepth(text, file);
  try {
    return JSON.parse(text);
  } catch (err) {
    const problem = findJsonSyntaxError(text);
    const offset = problem ? Math.min(problem.offset, text.length) : -1;
    const at = problem ? { line: problem.line, column: problem.column } : null;
    const what =
      offset >= text.length
        ? "unexpected end of input"
        : offset >= 0
          ? `unexpected ${JSON.stringify(text[offset])}`
          : String(err);
    throw new InputError(`not valid JSON: ${what}`, {
      code: "malformed_json",
      location: { ...(file !== undefined ? { file } : {}), ...(at ? at : {}) },
    });
  }
}

export function readJsonFile(file: string): unknown {
  return parseJsonText(readFileSync(file, "utf8"), file);
}
