/**
 * The UTF-8 byte order mark (EF BB BF) that some tools write before a file's text: spreadsheet
 * exports before CSV, some editors before JSON. Readers skip it (RFC 8259, section 8.1, lets a
 * JSON parser ignore it) without letting it shift the offsets they report.
 */

/** Bytes of the UTF-8 byte order mark. */
export const UTF8_BOM_BYTES = 3;

/** True when the bytes from `at` start with the UTF-8 byte order mark. */
export function startsWithBom(b: Uint8Array, at = 0, end = b.length): boolean {
  return end - at >= UTF8_BOM_BYTES && b[at] === 0xef && b[at + 1] === 0xbb && b[at + 2] === 0xbf;
}
