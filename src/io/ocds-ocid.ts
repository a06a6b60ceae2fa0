/** Finding a release's ocid in its raw JSON bytes without parsing the whole line. */
const ALL_OCID_RE = /"ocid"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
const NON_ASCII = /[\u0080-\uffff]/;

function unescapeJson(s: string): string {
  return s.includes("\\") ? (JSON.parse(`"${s}"`) as string) : s;
}

const OCID_KEY = Buffer.from('"ocid"');

/** `{"ocid":"`: how nearly every release line starts (the ocid first, as the schema lists it). */
const OCID_FIRST = Buffer.from('{"ocid":"');

/**
 * Where the release's own ocid is in its bytes [from, end): the first `"ocid"` key, if it is at
 * the top level (object depth 1, outside strings) and within the first 64 KiB. Returns the index
 * of the closing quote of its value, or -1 (then the line is parsed instead); `ocidAt.start` is
 * where the value's text starts and `ocidAt.plain` is true when it is ASCII without escapes (its
 * bytes are its UTF-16 code units). Nothing is decoded or allocated.
 */
export const ocidAt = { start: 0, plain: true };
export function findTopLevelOcid(buf: Buffer, from = 0, end = buf.length): number {
  let i: number;
  if (end - from > OCID_FIRST.length && startsWith(buf, from, OCID_FIRST)) i = from + OCID_FIRST.length - 1;
  else {
    const at = buf.indexOf(OCID_KEY, from);
    if (at < 0 || at + OCID_KEY.length > end || at - from > 65_536) return -1;
    let depth = 0;
    let inString = false;
    for (let k = from; k < at; k++) {
      const c = buf[k]!;
      if (inString) {
        if (c === 92) k++;
        else if (c === 34) inString = false;
      } else if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) depth--;
    }
    // A key is where a string starts outside a string: `"ocid"` inside a string value does not count.
    if (inString || depth !== 1) return -1;
    i = at + OCID_KEY.length;
    while (buf[i] === 32 || buf[i] === 9) i++;
    if (buf[i] !== 58) return -1;
    i++;
    while (buf[i] === 32 || buf[i] === 9) i++;
    if (i >= end || buf[i] !== 34) return -1;
  }
  const start = i + 1;
  let plain = true;
  for (i = start; i < end; i++) {
    const c = buf[i]!;
    if (c === 34) break;
    if (c === 92) {
      plain = false;
      i++;
    } else if (c >= 0x80) plain = false;
  }
  if (i >= end) return -1;
  ocidAt.start = start;
  ocidAt.plain = plain;
  return i;
}

function startsWith(buf: Buffer, from: number, prefix: Buffer): boolean {
  for (let k = 0; k < prefix.length; k++) if (buf[from + k] !== prefix[k]) return false;
  return true;
}

/** The ocid found by findTopLevelOcid, decoded (`end` is what it returned). */
export function ocidText(buf: Buffer, end: number): string {
  const { start, plain } = ocidAt;
  return plain ? buf.toString("latin1", start, end) : unescapeJson(buf.toString("utf8", start, end));
}

/** The release's own ocid read from its bytes (see findTopLevelOcid); null when it must be parsed. */
export function topLevelOcid(buf: Buffer): string | null {
  const end = findTopLevelOcid(buf);
  return end < 0 ? null : ocidText(buf, end);
}

/** Every `"ocid": "..."` in a line (a package of releases on one line). */
export function allOcids(buf: Buffer): string[] {
  let text = buf.toString("latin1");
  if (NON_ASCII.test(text)) text = buf.toString();
  return [...text.matchAll(ALL_OCID_RE)].map((m) => unescapeJson(m[1]!));
}
