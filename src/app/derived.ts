/**
 * A result derived from stored inputs (an appraisal's Monte Carlo, a red-flags run) is computed
 * once per change of its inputs and served from memory after that. The cache is keyed by a hash
 * of everything the result depends on, so a changed input is a new key and the old result is
 * never served again; requests for a result still being computed wait for that one computation
 * (single flight); a failed computation is not kept, so the next request tries again. The cache
 * is bounded by entries and by bytes and forgets the least recently used result first.
 */
import { createHash } from "node:crypto";

/** The key of a derived result: a SHA-256 over the JSON of its inputs, in the order given. */
export function inputKey(...parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

export interface DerivedCacheOptions {
  /** Most results kept. */
  maxEntries: number;
  /** Most bytes of result text kept; a larger result is served but not kept. */
  maxBytes: number;
}

/** A keyed, bounded, single-flight cache of results held as JSON text. */
export class DerivedCache {
  private readonly done = new Map<string, string>();
  private readonly running = new Map<string, Promise<string>>();
  private bytes = 0;
  private started = 0;

  constructor(private readonly opts: DerivedCacheOptions) {}

  /** The result under `key`: kept, being computed, or computed now by `compute`. */
  get(key: string, compute: () => Promise<string>): Promise<string> {
    const kept = this.done.get(key);
    if (kept !== undefined) {
      // Most recently used last: re-insert.
      this.done.delete(key);
      this.done.set(key, kept);
      return Promise.resolve(kept);
    }
    const inFlight = this.running.get(key);
    if (inFlight) return inFlight;
    this.started++;
    const p = compute().then(
      (text) => {
        this.running.delete(key);
        this.keep(key, text);
        return text;
      },
      (err: unknown) => {
        this.running.delete(key);
        throw err;
      },
    );
    this.running.set(key, p);
    return p;
  }

  /** How many computations this cache has started (a hit or a wait on one running starts none). */
  computations(): number {
    return this.started;
  }

  /** Results kept now. */
  size(): number {
    return this.done.size;
  }

  private keep(key: string, text: string): void {
    const size = text.length * 2;
    if (size > this.opts.maxBytes) return;
    this.done.set(key, text);
    this.bytes += size;
    while (this.done.size > this.opts.maxEntries || this.bytes > this.opts.maxBytes) {
      const [oldest, value] = this.done.entries().next().value as [string, string];
      this.done.delete(oldest);
      this.bytes -= value.length * 2;
    }
  }
}
