/**
 * Importing OCDS releases, the one use case behind `POST /api/ocds/releases`, publishing a notice
 * and `nous ocds import`: every release is validated against OCDS 1.1.5 (with codelists) before
 * anything is stored, each error naming its JSON path; then all are stored in one transaction,
 * idempotently (src/store/releases.ts). Callers gather releases into a batch (the API from a
 * request's array, the CLI document by document, naming file and line itself) and import it.
 */
import type { ImportSummary } from "../contract/ocds.ts";
import { loadCodelists } from "../io/ocds-schema.ts";
import { isObject, type Json, type JsonObject } from "../ocds/types.ts";
import { createValidator, type Validator } from "../ocds/validate.ts";
import { InputError } from "../shared/errors.ts";
import type { Actor } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { importReleases } from "../store/releases.ts";

let validator: Validator | undefined;
/** The OCDS 1.1.5 validator with codelists, built on first use. */
export function ocdsValidator(): Validator {
  validator ??= createValidator({ codelists: loadCodelists() });
  return validator;
}

/** A schema error: where (a JSON path) and what was expected. */
export interface ReleaseProblem {
  path: string;
  message: string;
}

/** Releases gathered for one import, with every problem found in them. */
export class ReleaseBatch {
  readonly releases: JsonObject[] = [];
  readonly problems: ReleaseProblem[] = [];
  /** Documents added (a release package counts once). */
  documents = 0;

  private errorsOf(doc: unknown, base: string): ReleaseProblem[] {
    const out: ReleaseProblem[] = [];
    for (const issue of ocdsValidator().validate(doc as Json)) {
      if (issue.severity !== "error") continue;
      out.push({ path: `${base}${issue.path.slice(1)}`, message: issue.message });
    }
    return out;
  }

  /** Adds one release, its errors' paths under `base` (e.g. `$.releases[3]`); returns its problems. */
  addRelease(release: unknown, base: string): ReleaseProblem[] {
    this.documents++;
    const found = this.errorsOf(release, base);
    this.problems.push(...found);
    if (isObject(release)) this.releases.push(release);
    return found;
  }

  /**
   * Adds a document read from a file: a release package (its releases) or a release. A record or
   * record package is refused: import the releases it was compiled from. Problems' paths start at `$`.
   */
  addDocument(doc: unknown): ReleaseProblem[] {
    this.documents++;
    const kind = ocdsValidator().kindOf(doc as Json);
    if (kind === "record-package" || kind === "record") {
      const p = {
        path: "$",
        message: `expected a release package or a release, got a ${kind}; import the releases it was compiled from`,
      };
      this.problems.push(p);
      return [p];
    }
    const found = this.errorsOf(doc, "$");
    this.problems.push(...found);
    if (kind === "release-package" && isObject(doc) && Array.isArray(doc.releases)) {
      for (const r of doc.releases) if (isObject(r)) this.releases.push(r);
    } else if (isObject(doc)) this.releases.push(doc);
    return found;
  }
}

/** The releases of a request, each validated, errors' paths under `base[i]`. */
export function releaseBatch(releases: unknown, base = "$.releases"): ReleaseBatch {
  if (!Array.isArray(releases))
    throw new InputError("expected a release package with a releases array", { location: { path: base } });
  const batch = new ReleaseBatch();
  for (const [i, r] of releases.entries()) batch.addRelease(r, `${base}[${i}]`);
  return batch;
}

/** Throws an InputError naming the first problem of a batch (with up to 50 in its details); nothing when it has none. */
export function assertNoProblems(batch: ReleaseBatch): void {
  const { problems } = batch;
  if (!problems.length) return;
  const first = problems[0]!;
  throw new InputError(
    `${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more errors)` : ""}; nothing was imported`,
    { location: { path: first.path }, details: problems.slice(0, 50) },
  );
}

/** Validates a request's releases without storing them: an InputError naming the first problem. */
export function assertValidReleases(releases: unknown, base = "$.releases"): void {
  assertNoProblems(releaseBatch(releases, base));
}

/**
 * Stores a batch with no problems, all or nothing; when it has problems, stores nothing and
 * throws an InputError naming the first (with up to 50 in its details).
 */
export async function importReleaseBatch(
  store: Store,
  batch: ReleaseBatch,
  actor: Actor,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  assertNoProblems(batch);
  return importReleases(store, batch.releases, actor, onProgress);
}

/** Validates `releases` (a request's array) and stores them: the API's import. */
export async function importValidReleases(
  store: Store,
  releases: unknown,
  actor: Actor,
  opts: { base?: string } = {},
): Promise<ImportSummary> {
  return importReleaseBatch(store, releaseBatch(releases, opts.base), actor);
}
