/**
 * What the drafts-and-versions requests do: save a document as its next draft once the engine's
 * schema accepts it, publish a version (it becomes the stored document the rest of nous reads,
 * in the same transaction as the version is marked), compare two versions of an appraisal case
 * or of a delivery model assessment with their results, and preview a case's result without
 * storing it. Appraisal results are computed on the derived-results worker
 * (src/app/appraisal-result.ts), never on the event loop, with at most PREVIEW_ITERATIONS Monte
 * Carlo iterations; a delivery model assessment is cheap and assessed on the spot.
 */
import type { DecideKind, StoredDocument } from "../contract/decide.ts";
import {
  type CaseComparison,
  type DmaComparison,
  type DraftBody,
  PREVIEW_ITERATIONS,
} from "../contract/decide-drafts.ts";
import { type ComparedReport, compareCases } from "../decide/case/compare.ts";
import { parseCase } from "../decide/case/parse-case.ts";
import { compareDmas } from "../decide/dma/compare.ts";
import { parseDma } from "../decide/dma/dma-schema.ts";
import { assessDeliveryModels } from "../decide/dma/recommend.ts";
import { type CaseReport, DEFAULT_ITERATIONS } from "../decide/case/run-case.ts";
import { withAudit } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { type Actor, getDocument, putDocument } from "../store/decide.ts";
import {
  type DocumentVersion,
  getVersion,
  insertDraft,
  latestVersions,
  listVersions,
  markPublished,
} from "../store/decide-drafts.ts";
import type { AppraisalResults } from "./appraisal-result.ts";
import { validateDocument } from "./decide.ts";

export { latestVersions, listVersions };

/** Saves the next draft version of a document; answers the version stored. */
export async function saveDraft(
  store: Store,
  kind: DecideKind,
  id: string,
  body: DraftBody,
  actor: Actor,
  at = new Date().toISOString(),
): Promise<DocumentVersion> {
  validateDocument(kind, body.document);
  const version = await withAudit(store, (trx) =>
    insertDraft(
      trx,
      {
        kind,
        id,
        serviceId: body.serviceId ?? null,
        contractId: body.contractId ?? null,
        title: body.title,
        document: body.document,
      },
      actor,
      at,
    ),
  );
  return getVersion(store, kind, id, version);
}

/**
 * Publishes a version: it is written as the stored document (published, so the public sees it)
 * and marked published, in one transaction with both audit entries. Answers the stored document.
 */
export async function publishVersion(
  store: Store,
  kind: DecideKind,
  id: string,
  version: number,
  actor: Actor,
  at = new Date().toISOString(),
): Promise<StoredDocument> {
  await withAudit(store, async (trx) => {
    const v = await getVersion(trx, kind, id, version);
    validateDocument(kind, v.document);
    await putDocument(
      trx,
      {
        kind,
        id,
        serviceId: v.serviceId,
        contractId: v.contractId,
        title: v.title,
        document: v.document,
        published: true,
        source: `version ${version} by ${v.author}`,
      },
      actor,
      at,
    );
    await markPublished(trx, kind, id, version, actor, at);
  });
  return getDocument(store, kind, id, false);
}

/** The Monte Carlo iterations a preview runs: the case's own, at most PREVIEW_ITERATIONS. */
export function previewIterations(document: unknown): number {
  const own = parseCase(document).monteCarlo?.iterations ?? DEFAULT_ITERATIONS;
  return Math.min(own, PREVIEW_ITERATIONS);
}

/** A case's result without storing it; a case the engine refuses is a 400 naming every problem. */
export async function previewCase(
  appraisals: AppraisalResults,
  document: unknown,
): Promise<{ iterations: number; result: CaseReport }> {
  validateDocument("appraisal", document);
  const iterations = previewIterations(document);
  const result = (await appraisals.result({ document }, { iterations })) as CaseReport;
  return { iterations, result };
}

/** Two versions of an appraisal case compared, each computed as a preview is. */
export async function compareVersions(
  store: Store,
  appraisals: AppraisalResults,
  id: string,
  from: number,
  to: number,
): Promise<CaseComparison> {
  const [a, b] = await Promise.all([
    getVersion(store, "appraisal", id, from),
    getVersion(store, "appraisal", id, to),
  ]);
  const [ra, rb] = await Promise.all([
    previewCase(appraisals, a.document),
    previewCase(appraisals, b.document),
  ]);
  const cmp = compareCases(
    { case: parseCase(a.document), report: ra.result as ComparedReport },
    { case: parseCase(b.document), report: rb.result as ComparedReport },
  );
  return { id, from, to, iterations: Math.max(ra.iterations, rb.iterations), ...cmp };
}

/** Two versions of a delivery model assessment compared, each assessed by the engine (pure, on the spot). */
export async function compareDmaVersions(
  store: Store,
  id: string,
  from: number,
  to: number,
): Promise<DmaComparison> {
  const [a, b] = await Promise.all([getVersion(store, "dma", id, from), getVersion(store, "dma", id, to)]);
  const side = (document: unknown) => {
    const dma = parseDma(document);
    return { dma, result: assessDeliveryModels(dma) };
  };
  return { id, from, to, ...compareDmas(side(a.document), side(b.document)) };
}
