/**
 * The questions part of a record's page: the published questions, each shown as text (escaped,
 * line breaks kept, no link made from what was written) with the body's answer under it and the
 * days it took, then a plain HTML form to ask one. The form posts to /public/questions and comes
 * back here with a message (303 See Other), so it works without JavaScript.
 */
import type { Comment } from "../../contract/comments.ts";
import { COMMENT_MAX, NAME_MAX } from "../../contract/comments.ts";
import { html, multiline, type SafeHtml } from "./html.ts";

/** What the page says after a question was sent: the codes the form's redirect carries. */
export const ASKED_MESSAGES: Record<string, { text: string; error: boolean }> = {
  published: { text: "Thank you: your question is published below.", error: false },
  pending: { text: "Thank you: your question will be published once a moderator has read it.", error: false },
  empty: { text: "Your question was not sent: write a question first.", error: true },
  "too-long": {
    text: `Your question was not sent: it is longer than ${COMMENT_MAX} characters.`,
    error: true,
  },
  "name-too-long": {
    text: `Your question was not sent: the name is longer than ${NAME_MAX} characters.`,
    error: true,
  },
  "too-many": {
    text: "Your question was not sent: too many questions from your address just now. Try again later.",
    error: true,
  },
  "not-published": { text: "Your question was not sent: that record is not published.", error: true },
};

function when(iso: string): string {
  return iso.slice(0, 10);
}

function question(q: Comment): SafeHtml {
  const days = q.daysToAnswer;
  return html`<article class="question" id="${q.id}" aria-labelledby="${q.id}-h">
<h3 id="${q.id}-h">Question from ${q.name || "a member of the public"}, ${when(q.createdAt)}</h3>
<p class="text">${multiline(q.body)}</p>
${
  q.answer
    ? html`<div class="answer"><p><strong>Answer, ${when(q.answeredAt ?? "")}</strong>${
        days === null
          ? null
          : html` (${days === 0 ? "the same day" : `${days} day${days === 1 ? "" : "s"} after the question`})`
      }</p><p class="text">${multiline(q.answer)}</p></div>`
    : html`<p class="muted">Not answered yet.</p>`
}
</article>`;
}

export function questionsSection(subject: string, questions: Comment[], asked: string | undefined): SafeHtml {
  const msg = asked ? ASKED_MESSAGES[asked] : undefined;
  return html`<section aria-labelledby="questions">
<h2 id="questions">Questions from the public</h2>
${msg ? html`<div class="notice${msg.error ? " error" : ""}" role="${msg.error ? "alert" : "status"}"><p>${msg.text}</p></div>` : null}
${questions.length ? questions.map(question) : html`<p>No questions have been published yet.</p>`}
<h3 id="ask">Ask a question</h3>
<form class="ask" method="post" action="/public/questions" aria-labelledby="ask">
<input type="hidden" name="subject" value="${subject}">
<label for="ask-name">Your name (optional)</label>
<p class="hint" id="ask-name-hint">Shown with your question. Leave it empty to ask anonymously.</p>
<input type="text" id="ask-name" name="name" maxlength="${NAME_MAX}" autocomplete="name" aria-describedby="ask-name-hint">
<label for="ask-body">Your question</label>
<p class="hint" id="ask-body-hint">Up to ${COMMENT_MAX} characters. It is published as plain text, with your name if you give one.</p>
<textarea id="ask-body" name="body" maxlength="${COMMENT_MAX}" required aria-describedby="ask-body-hint"></textarea>
<button type="submit">Send question</button>
</form>
</section>`;
}
