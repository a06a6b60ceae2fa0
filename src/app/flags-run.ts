/**
 * Red flags over the stored releases of a buyer (or all), and the compiled releases they ran on,
 * computed once per change of what they depend on and served from memory after that. The key is
 * a hash of the buyer, the settings text, the date asked for and the version of the buyer's
 * releases (their count and last import, src/store/flags.ts), so importing a release for that
 * buyer is a new computation and the old answer is not served again. The releases are read on
 * the server's thread; compiling them and running the indicators happens on the derived-results
 * worker (src/app/compute-pool.ts).
 */
import type { Settings } from "../flags/settings.ts";
import { compileGroups } from "../ocds/compile-groups.ts";
import type { JsonObject } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import type { Store } from "../store/db.ts";
import { releasesVersion, storedProcessReleases } from "../store/flags.ts";
import type { ComputePool } from "./compute-pool.ts";
import { DerivedCache, inputKey } from "./derived.ts";
import { MAX_RELEASES } from "./flags-view.ts";

/** Changes when the red-flags answer changes for the same inputs. */
export const FLAGS_ENGINE = "nous-flags-view/1";

function tooMany(releases: number): InputError {
  return new InputError(
    `${releases} releases match, more than the ${MAX_RELEASES} one call compiles; choose a buyer, or export the releases and run \`nous flags indicators\``,
    { code: "too_large", status: 413, details: { releases, maxReleases: MAX_RELEASES } },
  );
}

export interface FlagsQuery {
  buyer: string | undefined;
  today: string | undefined;
  /** The settings text as given (undefined: every indicator with its defaults). */
  settingsText: string | undefined;
  /** The parsed settings (parsed on the server's thread, so a bad key is a 400 at once). */
  settings: Settings;
}

export class FlagsRuns {
  private readonly cache = new DerivedCache({ maxEntries: 32, maxBytes: 128 << 20 });

  constructor(
    private readonly store: Store,
    private readonly pool: ComputePool,
  ) {}

  /** Reads the releases of the buyer's processes; 413 beyond MAX_RELEASES. */
  private async groups(buyer: string | undefined) {
    const stored = await storedProcessReleases(this.store, { buyer, maxReleases: MAX_RELEASES });
    if (stored.tooMany) throw tooMany(stored.releases);
    return stored;
  }

  private async versionKey(what: string, buyer: string | undefined, ...rest: unknown[]) {
    const version = await releasesVersion(this.store, { buyer });
    if (version.releases > MAX_RELEASES) throw tooMany(version.releases);
    return inputKey(FLAGS_ENGINE, what, buyer ?? null, version, ...rest);
  }

  /** The red-flags answer of the API (`GET /api/flags`), as JSON text. */
  async viewText(q: FlagsQuery): Promise<string> {
    const key = await this.versionKey("view", q.buyer, q.settingsText ?? null, q.today ?? null);
    return this.cache.get(key, async () => {
      const stored = await this.groups(q.buyer);
      return this.pool.run({
        kind: "flags",
        buyer: q.buyer,
        today: q.today,
        supplied: q.settingsText !== undefined,
        settings: q.settings,
        releases: stored.releases,
        groups: stored.groups,
      });
    });
  }

  /** The compiled releases a run uses, as JSON Lines (`GET /api/flags/compiled.jsonl`). */
  async compiledText(buyer: string | undefined): Promise<string> {
    const key = await this.versionKey("compiled", buyer);
    return this.cache.get(key, async () => {
      const stored = await this.groups(buyer);
      return this.pool.run({ kind: "compiled-jsonl", groups: stored.groups });
    });
  }

  /** How many red-flags computations (answers and compiled downloads) have been started. */
  computations(): number {
    return this.cache.computations();
  }
}

/** The compiled releases of a buyer's processes (or all), on this thread. */
export interface StoredProcesses {
  /** Compiled releases, one per ocid, in ocid order. */
  compiled: JsonObject[];
  /** Releases read. */
  releases: number;
  /** More releases match than `maxReleases`: nothing was compiled. */
  tooMany: boolean;
}

/** The compiled release of every contracting process of `buyer` (or all): see storedProcessReleases. */
export async function compiledProcesses(
  store: Store,
  opts: { buyer?: string; maxReleases: number },
): Promise<StoredProcesses> {
  const stored = await storedProcessReleases(store, opts);
  return { compiled: compileGroups(stored.groups), releases: stored.releases, tooMany: stored.tooMany };
}
