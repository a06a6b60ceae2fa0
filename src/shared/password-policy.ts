/**
 * The rule every new or changed password meets, wherever it is set (CLI, API, dashboard),
 * following NIST SP 800-63B section 5.1.1.2: a minimum length, a generous maximum, no
 * composition rules, and refusal of passwords an attacker tries first (the commonly used ones,
 * the username, one character repeated). Pure: it returns the problem in plain words, or null.
 */
import { isCommonPassword } from "./common-passwords.ts";

export const MIN_PASSWORD_LENGTH = 12;
/** Long passphrases are welcome; past this a password is a mistake or an attack on the hashing. */
export const MAX_PASSWORD_LENGTH = 256;
/**
 * A password may contain its username ("demo-admin-pass" for admin) only when this many of its
 * characters are something else: "admin2026!" is the username with a few characters added.
 */
const OTHER_THAN_USERNAME = 8;

/** Letters at the core of a password: "Monkey2024!!" is "monkey" with digits and symbols added. */
function core(lower: string): string {
  return lower.replace(/^[^\p{L}]+/u, "").replace(/[^\p{L}]+$/u, "");
}

/** Why `password` may not be used for the account `username`, or null when it may. */
export function passwordProblem(password: string, username?: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `the password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (new Set(lower).size === 1) return "the password must not be one character repeated";
  if (username) {
    const name = username.toLowerCase();
    if (lower === name) return "the password must not be the username";
    if (lower.includes(name) && [...lower.split(name).join("")].length < OTHER_THAN_USERNAME)
      return "the password must not be the username with a few characters added";
  }
  const c = core(lower);
  if (isCommonPassword(lower) || (c.length > 0 && isCommonPassword(c)))
    return "the password is one of the most commonly used passwords, which attackers try first: choose another";
  return null;
}
