/**
 * `/comments`: questions and comments from the public, for staff. An administrator publishes or
 * rejects each one (with a reason, audited) and sets whether comments wait for moderation or are
 * published at once; staff of the body give the official answer, shown on the public portal
 * under the question with the days it took. Every text from the public is shown as React text.
 */
import { type FormEvent, useState } from "react";
import {
  ANSWERING,
  answerComment,
  type Comment,
  getCommentSettings,
  listComments,
  moderateComment,
  setCommentSettings,
} from "../../../src/contract/comments.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { Field, Outcome, ReasonField, SaveButton, useSave } from "../components/Form.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { useApi, useInvalidate } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

const STATUS_LABEL: Record<Comment["status"], string> = {
  pending: "Waiting for moderation",
  published: "Published",
  rejected: "Rejected",
};

function portalPath(subject: string): string {
  const [kind = "", id = ""] = subject.split(":");
  return `/public/${kind}s/${encodeURIComponent(id)}`;
}

function ModerationForm({ c }: { c: Comment }) {
  const invalidate = useInvalidate();
  const s = useSave(() => void invalidate("comments"));
  const [decision, setDecision] = useState<"publish" | "reject">(
    c.status === "published" ? "reject" : "publish",
  );
  const [reason, setReason] = useState("");
  const prefix = `mod-${c.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(
      () => (reason.trim() ? null : "Give a reason: it is kept in the audit trail."),
      async () => {
        await call(moderateComment, { params: { id: c.id }, body: { decision, reason } });
        return decision === "publish" ? "Published." : "Rejected.";
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Moderate the question ${c.id}`}>
      <Field id={`${prefix}-decision`} label="Decision">
        <select
          id={`${prefix}-decision`}
          value={decision}
          onChange={(e) => setDecision(e.target.value as "publish" | "reject")}
        >
          <option value="publish">Publish</option>
          <option value="reject">Reject</option>
        </select>
      </Field>
      <ReasonField prefix={prefix} reason={reason} setReason={setReason} />
      <SaveButton busy={s.busy} label="Save decision" />
      <Outcome prefix={prefix} error={s.error} done={s.done} />
    </form>
  );
}

function AnswerForm({ c }: { c: Comment }) {
  const invalidate = useInvalidate();
  const s = useSave(() => void invalidate("comments"));
  const [answer, setAnswer] = useState(c.answer ?? "");
  const [reason, setReason] = useState("");
  const prefix = `ans-${c.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(
      () =>
        !answer.trim()
          ? "Write the answer first."
          : reason.trim()
            ? null
            : "Give a reason: it is kept in the audit trail.",
      async () => {
        await call(answerComment, { params: { id: c.id }, body: { answer, reason } });
        return "Answer saved.";
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Answer the question ${c.id}`}>
      <Field id={`${prefix}-text`} label={c.answer ? "Change the official answer" : "Official answer"}>
        <textarea id={`${prefix}-text`} value={answer} rows={4} onChange={(e) => setAnswer(e.target.value)} />
      </Field>
      <ReasonField prefix={prefix} reason={reason} setReason={setReason} />
      <SaveButton busy={s.busy} label="Save answer" />
      <Outcome prefix={prefix} error={s.error} done={s.done} />
    </form>
  );
}

function SettingsForm({ current }: { current: "before-publication" | "none" }) {
  const invalidate = useInvalidate();
  const s = useSave(() => void invalidate("comments"));
  const [mode, setMode] = useState(current);
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(
      () => (reason.trim() ? null : "Give a reason: it is kept in the audit trail."),
      async () => {
        await call(setCommentSettings, { body: { moderation: mode, reason } });
        return "Setting saved.";
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="How comments are moderated">
      <Field id="comment-mode" label="New comments">
        <select id="comment-mode" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
          <option value="before-publication">wait for an administrator to publish them</option>
          <option value="none">are published at once</option>
        </select>
      </Field>
      <ReasonField prefix="comment-mode" reason={reason} setReason={setReason} />
      <SaveButton busy={s.busy} label="Save setting" />
      <Outcome prefix="comment-mode" error={s.error} done={s.done} />
    </form>
  );
}

export function CommentsPage() {
  usePageTitle("Questions from the public");
  const { me } = useAuth();
  const list = useApi(
    isStaff(me) ? () => call(listComments, {}).then((r) => r.comments) : null,
    "comments:list",
  );
  const settings = useApi(isStaff(me) ? () => call(getCommentSettings) : null, "comments:settings");
  if (!isStaff(me))
    return (
      <>
        <h1>Questions from the public</h1>
        <p>
          Sign in as staff to moderate and answer questions. Published questions and answers are on the{" "}
          <a href="/public">public portal</a>.
        </p>
      </>
    );
  const admin = me.role === "admin";
  const answers = ANSWERING.includes(me.role);
  const comments = [...(list.data ?? [])].reverse();
  return (
    <>
      <h1>Questions from the public</h1>
      <section aria-labelledby="comments-settings">
        <h2 id="comments-settings">Moderation</h2>
        {settings.error ? <ErrorPanel error={settings.error} /> : null}
        {settings.data ? (
          <p>
            New comments{" "}
            {settings.data.moderation === "none"
              ? "are published at once"
              : "wait for an administrator to publish them"}
            {settings.data.changedBy
              ? ` (set by ${settings.data.changedBy}, ${settings.data.changedAt?.slice(0, 10)})`
              : ""}
            .
          </p>
        ) : null}
        {admin && settings.data ? <SettingsForm current={settings.data.moderation} /> : null}
      </section>
      <section aria-labelledby="comments-list">
        <h2 id="comments-list">Questions, newest first</h2>
        {list.error ? (
          <ErrorPanel error={list.error} />
        ) : list.loading ? (
          <Loading what="Loading questions" />
        ) : null}
        {list.data && comments.length === 0 ? <p>No questions yet.</p> : null}
        {comments.map((c) => (
          <article key={c.id} className="card" aria-labelledby={`${c.id}-h`}>
            <h3 id={`${c.id}-h`}>
              {c.name || "Anonymous"} on <a href={portalPath(c.subject)}>{c.subject}</a>,{" "}
              {c.createdAt.slice(0, 10)}
            </h3>
            <p>
              <strong>{STATUS_LABEL[c.status]}</strong>
              {c.moderationReason ? ` — ${c.moderationReason}` : ""}
            </p>
            <p style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{c.body}</p>
            {c.answer ? (
              <p>
                <strong>Answer</strong> ({c.daysToAnswer === 0 ? "the same day" : `${c.daysToAnswer} days`}):{" "}
                {c.answer}
              </p>
            ) : null}
            {admin ? <ModerationForm c={c} /> : null}
            {answers ? <AnswerForm c={c} /> : null}
          </article>
        ))}
      </section>
    </>
  );
}
