/**
 * Questions and comments from the public: asked about a published record only, stored as the
 * text sent (shown escaped, never as markup), published at once or after an administrator's
 * moderation as the body has set, answered by staff with the days the answer took.
 */
import { randomBytes } from "node:crypto";
import type { Comment } from "../contract/comments.ts";
import { daysBetween, todayInLondon } from "../shared/dates.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
import type { Actor } from "../store/audit.ts";
import {
  answerComment as storeAnswer,
  type CommentRow,
  getComment,
  insertComment,
  listComments,
  moderateComment as storeModerate,
  moderationMode,
  setModerationMode,
} from "../store/comments.ts";
import type { Store } from "../store/db.ts";
import type { CommentStatus, ModerationMode } from "../store/portal-schema.ts";
import { getContract, getService, listDecisions } from "../store/records.ts";

export type SubjectKind = "contract" | "service" | "decision";

export interface SubjectRef {
  kind: SubjectKind;
  id: string;
}

export function parseSubject(subject: string): SubjectRef {
  const m = /^(contract|service|decision):(.+)$/.exec(subject);
  if (!m)
    throw new InputError(`expected a subject contract:ID, service:ID or decision:ID, got "${subject}"`, {
      location: { path: "subject" },
    });
  return { kind: m[1] as SubjectKind, id: m[2] as string };
}

/** True when the record exists and is published: a question may be asked about it. */
export async function subjectIsPublished(store: Store, s: SubjectRef): Promise<boolean> {
  try {
    if (s.kind === "contract") await getContract(store, s.id, true);
    else if (s.kind === "service") await getService(store, s.id, true);
    else return (await listDecisions(store, { publishedOnly: true })).some((d) => d.id === s.id);
    return true;
  } catch (e) {
    if (e instanceof NotFoundError) return false;
    throw e;
  }
}

/** Line ends as \n, no control characters but newlines and tabs, trimmed. */
function plainText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const controls = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
  return text.replace(/\r\n?/g, "\n").replace(controls, "").trim();
}

export function toComment(r: CommentRow, forStaff: boolean): Comment {
  return {
    id: r.id,
    subject: `${r.subject_kind}:${r.subject_id}`,
    name: r.name,
    body: r.body,
    createdAt: r.created_at,
    status: r.status,
    moderatedAt: r.moderated_at,
    moderationReason: forStaff ? r.moderation_reason : null,
    answer: r.answer,
    answeredAt: r.answered_at,
    daysToAnswer: r.answered_at
      ? daysBetween(todayInLondon(new Date(r.created_at)), todayInLondon(new Date(r.answered_at)))
      : null,
  };
}

export interface NewComment {
  subject: string;
  body: string;
  name?: string | undefined;
}

/** Stores a question or comment from the public; refused unless its subject is a published record. */
export async function askQuestion(
  store: Store,
  input: NewComment,
  now: Date,
): Promise<{ id: string; status: CommentStatus; message: string }> {
  const subject = parseSubject(input.subject);
  if (!(await subjectIsPublished(store, subject)))
    throw new InputError(`subject ${input.subject} names no published ${subject.kind}`, {
      code: "unknown_reference",
      location: { path: "subject" },
    });
  const body = plainText(input.body);
  if (body.length === 0) throw new InputError("the question is empty", { location: { path: "body" } });
  const { mode } = await moderationMode(store);
  const status: CommentStatus = mode === "none" ? "published" : "pending";
  const id = `q-${randomBytes(8).toString("hex")}`;
  await insertComment(store, {
    id,
    subject_kind: subject.kind,
    subject_id: subject.id,
    name: plainText(input.name ?? "").replace(/\s+/g, " "),
    body,
    created_at: now.toISOString(),
    status,
    moderated_at: null,
    moderated_by: null,
    moderation_reason: null,
    answer: null,
    answered_at: null,
    answered_by: null,
  });
  return {
    id,
    status,
    message:
      status === "published"
        ? "Thank you: your question is published."
        : "Thank you: your question will be published once a moderator has read it.",
  };
}

/** The public's view: published comments on published subjects. Staff see every comment. */
export async function comments(
  store: Store,
  filter: { subject?: string | undefined; status?: CommentStatus | undefined },
  forStaff: boolean,
): Promise<Comment[]> {
  const s = filter.subject ? parseSubject(filter.subject) : undefined;
  if (!forStaff && s && !(await subjectIsPublished(store, s))) return [];
  const rows = await listComments(store, {
    ...(s ? { subjectKind: s.kind, subjectId: s.id } : {}),
    ...(forStaff ? (filter.status ? { status: filter.status } : {}) : { status: "published" }),
  });
  if (forStaff || s) return rows.map((r) => toComment(r, forStaff));
  const out: Comment[] = [];
  const seen = new Map<string, boolean>();
  for (const r of rows) {
    const key = `${r.subject_kind}:${r.subject_id}`;
    if (!seen.has(key))
      seen.set(
        key,
        await subjectIsPublished(store, { kind: r.subject_kind as SubjectKind, id: r.subject_id }),
      );
    if (seen.get(key)) out.push(toComment(r, false));
  }
  return out;
}

export async function moderate(
  store: Store,
  id: string,
  decision: "publish" | "reject",
  actor: Actor,
  now: Date,
): Promise<Comment> {
  await storeModerate(store, id, decision === "publish" ? "published" : "rejected", now.toISOString(), actor);
  return toComment(await getComment(store, id), true);
}

export async function answer(
  store: Store,
  id: string,
  text: string,
  actor: Actor,
  now: Date,
): Promise<Comment> {
  const clean = plainText(text);
  if (!clean) throw new InputError("the answer is empty", { location: { path: "answer" } });
  await storeAnswer(store, id, clean, now.toISOString(), actor);
  return toComment(await getComment(store, id), true);
}

export async function commentSettings(store: Store) {
  const m = await moderationMode(store);
  return { moderation: m.mode, changedAt: m.changedAt, changedBy: m.changedBy };
}

export async function setCommentModeration(store: Store, mode: ModerationMode, actor: Actor, now: Date) {
  await setModerationMode(store, mode, now.toISOString(), actor);
  return commentSettings(store);
}
