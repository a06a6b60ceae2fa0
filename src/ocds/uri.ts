/**
 * Whether a string is a URI by the grammar of RFC 3986 (section 3, collected in appendix A):
 *
 *   URI       = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
 *   hier-part = "//" authority path-abempty / path-absolute / path-rootless / path-empty
 *
 * OCDS fields with `format: uri` are checked with it, as the reference tools check them: any
 * scheme followed by anything the RFC allows, so `placeholder:` (a scheme and an empty path),
 * `urn:...`, `mailto:...` and IPv6 hosts are URIs, and `example.org/x` (no scheme), `1http://`
 * (a scheme must start with a letter), spaces, non-ASCII characters and stray `%` are not.
 * A stricter pattern would call valid data invalid, which publishers rightly dispute.
 */

const ALPHA = /[A-Za-z]/;
const HEX = /^[0-9A-Fa-f]$/;

/** unreserved / sub-delims, plus the extra characters a context allows. */
function allowed(c: string, extra: string): boolean {
  if (/[A-Za-z0-9\-._~]/.test(c)) return true; // unreserved
  if ("!$&'()*+,;=".includes(c)) return true; // sub-delims
  return extra.includes(c);
}

/** `*( unreserved / pct-encoded / sub-delims / extra )` over the whole of s. */
function run(s: string, extra: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "%") {
      if (!HEX.test(s[i + 1] ?? "") || !HEX.test(s[i + 2] ?? "")) return false;
      i += 2;
    } else if (!allowed(c, extra)) return false;
  }
  return true;
}

/** h16 = 1*4HEXDIG */
const h16 = (s: string) => /^[0-9A-Fa-f]{1,4}$/.test(s);

/** IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet (no leading zeros). */
export function isIpv4(s: string): boolean {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/.test(p));
}

/** IPv6address (RFC 3986 section 3.2.2): eight h16 pieces, `::` once for one or more zero pieces, an IPv4 tail. */
export function isIpv6(s: string): boolean {
  let body = s;
  const lastColon = s.lastIndexOf(":");
  if (lastColon >= 0 && s.slice(lastColon + 1).includes(".")) {
    // ls32 = ( h16 ":" h16 ) / IPv4address: an IPv4 tail stands for the last two pieces.
    if (!isIpv4(s.slice(lastColon + 1))) return false;
    body = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return false;
  const count = (h: string): number | null => {
    if (h === "") return 0;
    const ps = h.split(":");
    return ps.every(h16) ? ps.length : null;
  };
  if (halves.length === 1) return count(body) === 8;
  const a = count(halves[0]!);
  const b = count(halves[1]!);
  // "::" stands for at least one zero piece.
  return a !== null && b !== null && a + b <= 7;
}

/** IP-literal = "[" ( IPv6address / IPvFuture ) "]", given without the brackets. */
function isIpLiteral(s: string): boolean {
  const future = /^[vV][0-9A-Fa-f]+\.(.+)$/.exec(s);
  if (future) return run(future[1]!, ":") && !future[1]!.includes("%");
  return isIpv6(s);
}

/** authority = [ userinfo "@" ] host [ ":" port ] */
function isAuthority(a: string): boolean {
  let rest = a;
  const at = rest.indexOf("@");
  if (at >= 0) {
    if (!run(rest.slice(0, at), ":")) return false;
    rest = rest.slice(at + 1);
  }
  let host: string;
  let port = "";
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close < 0 || !isIpLiteral(rest.slice(1, close))) return false;
    const after = rest.slice(close + 1);
    if (after !== "" && !after.startsWith(":")) return false;
    port = after.slice(1);
    host = "";
  } else {
    const colon = rest.indexOf(":");
    host = colon < 0 ? rest : rest.slice(0, colon);
    port = colon < 0 ? "" : rest.slice(colon + 1);
    // reg-name = *( unreserved / pct-encoded / sub-delims ); an IPv4 address is one too.
    if (!run(host, "")) return false;
  }
  return /^[0-9]*$/.test(port);
}

export function isUri(s: string): boolean {
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
  const colon = s.indexOf(":");
  if (colon < 1 || !ALPHA.test(s[0]!) || !/^[A-Za-z][A-Za-z0-9+\-.]*$/.test(s.slice(0, colon))) return false;
  let rest = s.slice(colon + 1);
  let fragment: string | null = null;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let query: string | null = null;
  const q = rest.indexOf("?");
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  // query = fragment = *( pchar / "/" / "?" ); pchar = unreserved / pct-encoded / sub-delims / ":" / "@"
  if (fragment !== null && !run(fragment, ":@/?")) return false;
  if (query !== null && !run(query, ":@/?")) return false;
  let path = rest;
  if (rest.startsWith("//")) {
    const end = rest.slice(2).search(/\//);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
    if (!isAuthority(authority)) return false;
    path = end < 0 ? "" : rest.slice(2 + end); // path-abempty: empty or starting with "/"
  }
  // path-absolute, path-rootless, path-empty, path-abempty: segments of pchar separated by "/".
  return run(path, ":@/");
}
