/**
 * Errors a user can act on. Every adapter (CLI, API) turns an InputError into a one-line
 * message (CLI, non-zero exit) or a 4xx JSON body (API) without a stack trace.
 */
export interface ErrorLocation {
  /** File the bad input came from, when there was one. */
  file?: string;
  /** 1-based line in that file (CSV row, JSON Lines line). */
  line?: number;
  /** 1-based column, for malformed JSON. */
  column?: number;
  /** JSON path (`$.tender.value.amount`) or CSV column name. */
  path?: string;
}

export class InputError extends Error {
  readonly code: string;
  readonly location: ErrorLocation;
  readonly details: unknown;
  /** HTTP status an API adapter should answer with. */
  readonly status: number;

  constructor(
    message: string,
    opts: {
      code?: string;
      location?: ErrorLocation;
      details?: unknown;
      status?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "InputError";
    this.code = opts.code ?? "bad_input";
    this.location = opts.location ?? {};
    this.details = opts.details;
    this.status = opts.status ?? 400;
  }
}

/** Formats `file:line: column: message` the way compilers do, leaving out what is unknown. */
export function formatLocation(loc: ErrorLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== undefined) parts.push(String(loc.line));
  if (loc.column !== undefined && loc.line !== undefined) parts.push(String(loc.column));
  let out = parts.join(":");
  if (loc.path) out = out ? `${out}: ${loc.path}` : loc.path;
  return out;
}

export class NotFoundError extends InputError {
  constructor(what: string, id: string | number) {
    super(`${what} ${id} not found`, { code: "not_found", status: 404 });
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends InputError {
  constructor(message = "your role may not do this") {
    super(message, { code: "forbidden", status: 403 });
    this.name = "ForbiddenError";
  }
}

export class ConflictError extends InputError {
  constructor(message: string, details?: unknown) {
    super(message, { code: "conflict", status: 409, details });
    this.name = "ConflictError";
  }
}

/**
 * Text from input made safe to echo in a message: control characters (an ESC that would drive a
 * terminal, a newline that would forge a log line) are shown as escapes (`\x1b`, `\n`), so a
 * message never carries a raw control byte from what a user or a supplier sent. The bidirectional
 * overrides (U+202A-202E, U+2066-2069) are escaped too: they reorder what a reader sees.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
