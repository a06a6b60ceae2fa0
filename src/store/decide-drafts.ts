/**
 * Versions of Decide's documents in the store: a draft is a new numbered version (1, 2, 3...) of
 * one document, kept for good; publishing marks a version published, and the use case copies it
 * into decide_documents (src/store/decide.ts putDocument), the row every other read uses; a
 * document written whole (the document PUT) is recorded as a version published at once. Every
 * write is audited in its transaction. Validating a version's document is the use case's
 * (src/app/decide-drafts.ts).
 */
import type { Transaction } from "kysely";
import type { DecideKind } from "../contract/decide.ts";
import { NotFoundError } from "../shared/errors.ts";
import { type Actor, appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import type { DecideVersionRow } from "./decide-drafts-schema.ts";
import { requireRows } from "./references.ts";
import type { Database } from "./schema.ts";

type Trx = Transaction<Database>;

/** One version as the API answers it (declared in src/contract/decide-drafts.ts). */
export interface DocumentVersion {
  kind: DecideKind;
  id: string;
  version: number;
  status: "draft" | "published";
  author: string;
  createdAt: string;
  publishedAt: string | null;
  serviceId: string | null;
  contractId: string | null;
  title: string;
  note: string;
  document: unknown;
}

export function toVersion(r: DecideVersionRow): DocumentVersion {
  return {
    kind: r.kind,
    id: r.doc_id,
    version: Number(r.version),
    status: r.status,
    author: r.author,
    createdAt: r.created_at,
    publishedAt: r.published_at,
    serviceId: r.service_id,
    contractId: r.contract_id,
    title: r.title,
    note: r.note,
    document: JSON.parse(r.body_json) as unknown,
  };
}

/** Every version of a document, oldest first ([] when it has none). */
export async function listVersions(store: Store, kind: DecideKind, id: string): Promise<DocumentVersion[]> {
  const rows = await store.db
    .selectFrom("decide_versions")
    .selectAll()
    .where("kind", "=", kind)
    .where("doc_id", "=", id)
    .orderBy("version")
    .execute();
  return rows.map(toVersion);
}

/** The documents of a kind that have versions, each with its latest version (newest first). */
export async function latestVersions(store: Store, kind: DecideKind): Promise<DocumentVersion[]> {
  const rows = await store.db
    .selectFrom("decide_versions as v")
    .selectAll("v")
    .where("v.kind", "=", kind)
    .where((eb) =>
      eb(
        "v.version",
        "=",
        eb
          .selectFrom("decide_versions as w")
          .select((e) => e.fn.max("w.version").as("m"))
          .whereRef("w.kind", "=", "v.kind")
          .whereRef("w.doc_id", "=", "v.doc_id"),
      ),
    )
    .orderBy("v.created_at", "desc")
    .orderBy("v.doc_id")
    .execute();
  return rows.map(toVersion);
}

export async function getVersion(
  store: Store | Trx,
  kind: DecideKind,
  id: string,
  version: number,
): Promise<DocumentVersion> {
  const db = "db" in store ? store.db : store;
  const row = await db
    .selectFrom("decide_versions")
    .selectAll()
    .where("kind", "=", kind)
    .where("doc_id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`version ${version} of ${kind}`, id);
  return toVersion(row);
}

export interface VersionInput {
  kind: DecideKind;
  id: string;
  serviceId: string | null;
  contractId: string | null;
  title: string;
  document: unknown;
}

/** Adds the next version of a document as a draft; answers its number. */
export async function insertDraft(trx: Trx, input: VersionInput, actor: Actor, at: string): Promise<number> {
  return insertVersion(trx, input, actor, at, "draft");
}

/**
 * Adds the next version of a document as published at once: a document written whole (the
 * document PUT) is its own published version, so the version history misses no stored change.
 * The caller writes decide_documents in the same transaction.
 */
export async function insertPublished(
  trx: Trx,
  input: VersionInput,
  actor: Actor,
  at: string,
): Promise<number> {
  return insertVersion(trx, input, actor, at, "published");
}

async function insertVersion(
  trx: Trx,
  input: VersionInput,
  actor: Actor,
  at: string,
  status: "draft" | "published",
): Promise<number> {
  await requireRows(trx, [
    { field: "serviceId", table: "services", id: input.serviceId },
    { field: "contractId", table: "contracts", id: input.contractId },
  ]);
  const last = await trx
    .selectFrom("decide_versions")
    .select((e) => e.fn.max("version").as("m"))
    .where("kind", "=", input.kind)
    .where("doc_id", "=", input.id)
    .executeTakeFirst();
  const version = Number(last?.m ?? 0) + 1;
  await trx
    .insertInto("decide_versions")
    .values({
      kind: input.kind,
      doc_id: input.id,
      version,
      status,
      author: actor.username,
      created_at: at,
      published_at: status === "published" ? at : null,
      service_id: input.serviceId,
      contract_id: input.contractId,
      title: input.title,
      body_json: JSON.stringify(input.document),
      note: actor.reason,
    })
    .execute();
  const data =
    status === "draft"
      ? {
          version,
          serviceId: input.serviceId,
          contractId: input.contractId,
          title: input.title,
          document: input.document,
        }
      : // The document itself is in the write's own audit entry (create or update) just before.
        { version, from: "document PUT" };
  await appendAudit(trx, {
    actor: actor.username,
    action: status === "draft" ? "draft" : "publish-version",
    entity: `decide-${input.kind}`,
    entityId: input.id,
    reason: actor.reason,
    data,
    at,
  });
  return version;
}

/** Marks a version published (the caller copies it into decide_documents in the same transaction). */
export async function markPublished(
  trx: Trx,
  kind: DecideKind,
  id: string,
  version: number,
  actor: Actor,
  at: string,
): Promise<void> {
  const res = await trx
    .updateTable("decide_versions")
    .set({ status: "published", published_at: at })
    .where("kind", "=", kind)
    .where("doc_id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new NotFoundError(`version ${version} of ${kind}`, id);
  await appendAudit(trx, {
    actor: actor.username,
    action: "publish-version",
    entity: `decide-${kind}`,
    entityId: id,
    reason: actor.reason,
    data: { version },
    at,
  });
}
