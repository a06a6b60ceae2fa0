/**
 * HTML that escapes by default: `html` is a tagged template whose every interpolated value is
 * escaped (text and attribute values alike) unless it is already SafeHtml, made by `html`
 * itself. There is no way to mark a string safe except through the template, so text from a
 * record or a member of the public can only ever reach the page as text.
 */

export class SafeHtml {
  readonly #value: string;
  constructor(value: string, key: symbol) {
    if (key !== MINT) throw new Error("SafeHtml is made only by html``");
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

const MINT = Symbol("SafeHtml");

export type Interpolation =
  | SafeHtml
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly Interpolation[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Text made safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c] as string);
}

function render(v: Interpolation): string {
  if (v instanceof SafeHtml) return v.toString();
  if (v === null || v === undefined || v === false || v === true) return "";
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}

/** The template: literal parts as written, every value escaped unless SafeHtml; arrays joined; null, undefined and booleans left out. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new SafeHtml(out, MINT);
}

/**
 * Text with its line breaks kept as <br>: each line escaped, so a URL stays plain text (no
 * link is ever made from what a user wrote).
 */
export function multiline(text: string): SafeHtml {
  const lines = text.split("\n");
  return html`${lines.map((l, i) => (i === 0 ? html`${l}` : html`<br>${l}`))}`;
}
