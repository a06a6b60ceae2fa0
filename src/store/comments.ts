/**
 * Questions and comments from the public: stored as the text sent, moderated by an
 * administrator (or published at once, as the setting says), answered by staff. Every write is
 * one transaction with its audit entry; a comment's writer is audited as "public".
 */
import { NotFoundError } from "../shared/errors.ts";
import { type Actor, appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import { isPostgres } from "./dialect.ts";
import type { CommentStatus, CommentsTable, ModerationMode } from "./portal-schema.ts";

export type CommentRow = CommentsTable;

/** The moderation setting: before publication unless an administrator has said none. */
export async function moderationMode(
  store: Store,
): Promise<{ mode: ModerationMode; changedAt: string | null; changedBy: string | null }> {
  const row = await store.db
    .selectFrom("comment_settings")
    .selectAll()
    .where("id", "=", 1)
    .executeTakeFirst();
  return {
    mode: row?.moderation === "none" ? "none" : "before-publication",
    changedAt: row?.changed_at ?? null,
    changedBy: row?.changed_by ?? null,
  };
}

export async function setModerationMode(
  store: Store,
  mode: ModerationMode,
  at: string,
  actor: Actor,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("comment_settings")
      .values({ id: 1, moderation: mode, changed_at: at, changed_by: actor.username })
      .onConflict((oc) =>
        oc.column("id").doUpdateSet({ moderation: mode, changed_at: at, changed_by: actor.username }),
      )
      .execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "update",
      entity: "comment-settings",
      entityId: "moderation",
      reason: actor.reason,
      data: { moderation: mode },
      at,
    });
  });
}

/** Stores a new comment; its status is what the moderation setting gave it. */
export async function insertComment(store: Store, row: CommentRow): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto("comments").values(row).execute();
    await appendAudit(trx, {
      actor: "public",
      action: "create",
      entity: "comment",
      entityId: row.id,
      reason: `a question or comment on ${row.subject_kind} ${row.subject_id}`,
      data: { subject: `${row.subject_kind}:${row.subject_id}`, status: row.status, length: row.body.length },
      at: row.created_at,
    });
  });
}

export async function getComment(store: Store, id: string): Promise<CommentRow> {
  const row = await store.db.selectFrom("comments").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError("comment", id);
  return row;
}

export interface CommentFilter {
  subjectKind?: string;
  subjectId?: string;
  status?: CommentStatus;
}

/** Comments, oldest first, narrowed by subject and status when given. */
export async function listComments(store: Store, f: CommentFilter = {}): Promise<CommentRow[]> {
  let q = store.db.selectFrom("comments").selectAll().orderBy("created_at").orderBy("id");
  if (f.subjectKind) q = q.where("subject_kind", "=", f.subjectKind);
  if (f.subjectId) q = q.where("subject_id", "=", f.subjectId);
  if (f.status) q = q.where("status", "=", f.status);
  return q.execute();
}

/** Publishes or rejects a comment (again, if an administrator changes their mind). */
export async function moderateComment(
  store: Store,
  id: string,
  status: "published" | "rejected",
  at: string,
  actor: Actor,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    let q = trx.selectFrom("comments").select("id").where("id", "=", id);
    if (isPostgres(trx)) q = q.forUpdate();
    if (!(await q.executeTakeFirst())) throw new NotFoundError("comment", id);
    await trx
      .updateTable("comments")
      .set({ status, moderated_at: at, moderated_by: actor.username, moderation_reason: actor.reason })
      .where("id", "=", id)
      .execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: status === "published" ? "publish" : "reject",
      entity: "comment",
      entityId: id,
      reason: actor.reason,
      at,
    });
  });
}

/** Records (or replaces) the official answer to a comment. */
export async function answerComment(
  store: Store,
  id: string,
  answer: string,
  at: string,
  actor: Actor,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable("comments")
      .set({ answer, answered_at: at, answered_by: actor.username })
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new NotFoundError("comment", id);
    await appendAudit(trx, {
      actor: actor.username,
      action: "answer",
      entity: "comment",
      entityId: id,
      reason: actor.reason,
      data: { answer },
      at,
    });
  });
}

/** When each service, contract and decision was last published (the audit trail's publish entries). */
export async function publicationTimes(
  store: Store,
): Promise<{ entity: string; entityId: string; at: string }[]> {
  const rows = await store.db
    .selectFrom("audit_log")
    .select(["entity", "entity_id", "at"])
    .where("action", "=", "publish")
    .where("entity", "in", ["service", "contract", "decision"])
    .orderBy("seq")
    .execute();
  const latest = new Map<string, { entity: string; entityId: string; at: string }>();
  for (const r of rows)
    latest.set(`${r.entity}:${r.entity_id}`, { entity: r.entity, entityId: r.entity_id, at: r.at });
  return [...latest.values()];
}
