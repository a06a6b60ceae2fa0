/**
 * How many questions one address may send: a sliding window kept in memory, per process. It is
 * a brake on floods, not an account: it starts empty when the server restarts, and each server
 * process counts on its own. The address is Fastify's `req.ip`: behind a reverse proxy it is the
 * proxy's address (every visitor shares one window) unless the server trusts the proxy
 * (`--trust-proxy` / NOUS_TRUST_PROXY), when it is the client's address from X-Forwarded-For.
 */

export interface WindowLimit {
  /** Requests allowed per address in the window. */
  max: number;
  windowMs: number;
}

export const QUESTION_LIMIT: WindowLimit = { max: 5, windowMs: 10 * 60_000 };

/** Addresses remembered at most; the oldest are forgotten first. */
const MAX_ADDRESSES = 10_000;

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly limit: WindowLimit) {}

  /** Counts a request from `address` at `nowMs`: 0 when allowed, else the seconds to wait. */
  take(address: string, nowMs: number): number {
    const since = nowMs - this.limit.windowMs;
    const recent = (this.hits.get(address) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit.max) {
      this.hits.set(address, recent);
      return Math.max(1, Math.ceil(((recent[0] as number) + this.limit.windowMs - nowMs) / 1000));
    }
    recent.push(nowMs);
    this.hits.delete(address);
    this.hits.set(address, recent);
    if (this.hits.size > MAX_ADDRESSES) {
      const oldest = this.hits.keys().next().value;
      if (oldest !== undefined) this.hits.delete(oldest);
    }
    return 0;
  }
}

const limiters = new WeakMap<object, RateLimiter>();

/** The question limiter of one server (keyed by its store): POST /api/comments and the portal's form share it. */
export function questionLimiter(store: object): RateLimiter {
  let l = limiters.get(store);
  if (!l) {
    l = new RateLimiter(QUESTION_LIMIT);
    limiters.set(store, l);
  }
  return l;
}
