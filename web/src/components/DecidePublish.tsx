/**
 * Publishing or withdrawing each decision document of a deal (or one appraisal case): the public
 * and the open data see a document only once it is published. Each change names its reason, kept
 * in the audit trail. Shown for the kinds the signed-in role may write.
 */
import { type FormEvent, useState } from "react";
import { type DecideKind, canWriteKind, decideApi, kindInfo } from "../api-decide.ts";
import { useAuth } from "../auth.tsx";
import { UnpublishedTag } from "./Badges.tsx";
import { Outcome, ReasonField, SaveButton, useSave } from "./Form.tsx";

export interface PublishableDocument {
  kind: DecideKind;
  id: string;
  title: string;
  published: boolean;
}

function PublishRow({ doc, onSaved }: { doc: PublishableDocument; onSaved: () => void }) {
  const [reason, setReason] = useState("");
  const s = useSave(onSaved);
  const prefix = `publish-${doc.kind}-${doc.id}`;
  const verb = doc.published ? "Withdraw" : "Publish";
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        !reason.trim() ? `Say why you ${verb.toLowerCase()} ${doc.title} (kept in the audit trail).` : null,
      async () => {
        await decideApi.setPublished(doc.kind, doc.id, !doc.published, reason.trim());
        return `${doc.title}: ${doc.published ? "withdrawn; only signed-in staff see it now" : "published"}.`;
      },
    );
    if (ok) setReason("");
  };
  return (
    <li data-publish={`${doc.kind}:${doc.id}`}>
      <p>
        <strong>{kindInfo(doc.kind).label}</strong>: {doc.title} ({doc.id}){" "}
        {doc.published ? <span className="tag">Published</span> : <UnpublishedTag published={false} />}
      </p>
      <Outcome prefix={prefix} error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label={`${verb} ${doc.title}`}>
        <ReasonField prefix={prefix} reason={reason} setReason={setReason} />
        <SaveButton busy={s.busy} label={verb} />
      </form>
    </li>
  );
}

export function DecidePublish({
  documents,
  onSaved,
}: {
  documents: PublishableDocument[];
  onSaved: () => void;
}) {
  const { me } = useAuth();
  const mine = documents.filter((d) => canWriteKind(me.role, d.kind));
  if (mine.length === 0) return null;
  return (
    <details className="manage-form" data-form="decide-publish">
      <summary>
        <strong>Publish or withdraw the documents</strong>
      </summary>
      <p className="muted">
        The public and the open data see a document only once it is published; signed-in staff see it either
        way.
      </p>
      <ul style={{ listStyle: "none", padding: 0 }}>
        {mine.map((d) => (
          <PublishRow key={`${d.kind}:${d.id}`} doc={d} onSaved={onSaved} />
        ))}
      </ul>
    </details>
  );
}
