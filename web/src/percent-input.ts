/**
 * A share as people type it into a form: `75%`, `75`, `33.33`, `12.5 %`. Turned into basis points
 * (7500 = 75%) on the digits, never through a binary float, so `33.33` is exactly 3333. More than
 * two decimals (a hundredth of a percent is the finest the store keeps) is refused in plain words
 * rather than rounded.
 */
export type PercentInput = { bp: number } | { problem: string } | { empty: true };

/** Reads one percentage; `{ empty: true }` for a blank box. */
export function parsePercentInput(raw: string): PercentInput {
  const text = raw.trim().replace(/\s*%$/, "").trim();
  if (raw.trim() === "") return { empty: true };
  const m = /^(\d{1,5})(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!m) return { problem: `"${raw.trim()}" is not a percentage: write it as 75%, 75 or 33.33.` };
  const fraction = m[2] ?? "";
  if (fraction.length > 2)
    return {
      problem: `"${raw.trim()}" has more than two decimal places: nous keeps shares to a hundredth of a percent.`,
    };
  return { bp: Number(m[1] || "0") * 100 + Number(fraction.padEnd(2, "0")) };
}

/** Basis points as a form shows them back: 7500 -> "75%", 3333 -> "33.33%", 1250 -> "12.5%". */
export function bpToInput(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}%`;
}
