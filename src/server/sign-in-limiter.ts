/**
 * Failed sign-ins per network address, in memory: an address with too many failures in a
 * minute is refused (429) until the minute is over, whichever names it tries. A restart clears
 * it; the per-name lock that must survive a restart is in the store (src/store/sign-in-throttle.ts).
 * IPv6 addresses count per /64, the block one household or host is given. The map is bounded.
 */

/** Failed sign-ins an address may make in one window. */
export const ADDRESS_FAILURES_PER_WINDOW = 20;
export const ADDRESS_WINDOW_SECONDS = 60;
/** Addresses remembered at most; past this the oldest window is forgotten first. */
const MAX_ADDRESSES = 50_000;

/** The address as counted: IPv4 as is, IPv6 by its first 64 bits. */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.split("%")[0]!.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t]
    : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

interface Window {
  start: number;
  failures: number;
}

export class SignInLimiter {
  private readonly windows = new Map<string, Window>();

  /** Seconds the address must wait, or 0 when it may try. */
  retryAfter(ip: string, now: number): number {
    const w = this.windows.get(addressKey(ip));
    if (!w) return 0;
    const end = w.start + ADDRESS_WINDOW_SECONDS * 1000;
    if (now >= end) return 0;
    return w.failures >= ADDRESS_FAILURES_PER_WINDOW ? Math.ceil((end - now) / 1000) : 0;
  }

  /** Counts an attempt as a failure (before its password is checked). */
  count(ip: string, now: number): void {
    const key = addressKey(ip);
    let w = this.windows.get(key);
    if (!w || now >= w.start + ADDRESS_WINDOW_SECONDS * 1000) {
      this.windows.delete(key);
      if (this.windows.size >= MAX_ADDRESSES) this.prune(now);
      w = { start: now, failures: 0 };
      this.windows.set(key, w);
    }
    w.failures += 1;
  }

  /** The attempt counted was a success: it is not held against the address. */
  refund(ip: string): void {
    const w = this.windows.get(addressKey(ip));
    if (w && w.failures > 0) w.failures -= 1;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows)
      if (now >= w.start + ADDRESS_WINDOW_SECONDS * 1000) this.windows.delete(key);
    // Still full: forget the oldest windows (a Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_ADDRESSES) break;
      this.windows.delete(key);
    }
  }
}
