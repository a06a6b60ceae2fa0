/** Finding a release's ocid in its raw JSON bytes without parsing the whole line. */
const ALL_OCID_RE = /"ocid"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
const NON_ASCII = /[\u0080-\uffff]/;

function unescapeJson(s: string): string {
  return s.includes("\\") ? (JSON.parse(`"${s}"`) as string) : s;
}

const OCID_KEY = Buffer.from('"ocid"');

/**
 * The release's own ocid read from its bytes: the first `"ocid"` key, if it is at the top level
 * (object depth 1, outside strings) and within the first 64 KiB; otherwise null, and the line
 * is parsed instead. Nothing is decoded except the ocid itself.
 */
export function topLevelOcid(buf: Buffer): string | null {
  const at = buf.indexOf(OCID_KEY);
  if (at < 0 || at > 65_536) return null;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < at; i++) {
    const c = buf[i]!;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  // A key is where a string starts outside a string: `"ocid"` inside a string value does not count.
  if (inString || depth !== 1) return null;
  let i = at + OCID_KEY.length;
  while (buf[i] === 32 || buf[i] === 9) i++;
  if (buf[i] !== 58) return null;
  i++;
  while (buf[i] === 32 || buf[i] === 9) i++;
  if (buf[i] !== 34) return null;
  const start = i + 1;
  let plain = true;
  for (i = start; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === 34) break;
    if (c === 92) {
      plain = false;
      i++;
    } else if (c >= 0x80) plain = false;
  }
  if (i >= buf.length) return null;
  return plain ? buf.toString("latin1", start, i) : unescapeJson(buf.toString("utf8", start, i));
}

/** Every `"ocid": "..."` in a line (a package of releases on one line). */
export function allOcids(buf: Buffer): string[] {
  let text = buf.toString("latin1");
  if (NON_ASCII.test(text)) text = buf.toString();
  return [...text.matchAll(ALL_OCID_RE)].map((m) => unescapeJson(m[1]!));
}
