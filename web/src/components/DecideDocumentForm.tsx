/**
 * Adding or replacing a decision document from the Appraisals list: an appraisal case, a
 * delivery model assessment, a workforce impact, a capability self-assessment or a payment
 * profile, in the engine's file form (a JSON file or pasted JSON), about a service or a contract.
 * The server validates it with the engine's schema; a refused document stores nothing and its
 * message (with the JSON path) is shown as the server gives it. Shown to the roles that may write.
 */
import { type ChangeEvent, type FormEvent, useState } from "react";
import { api } from "../api.ts";
import { DOCUMENT_KINDS, type DecideKind, canWriteKind, decideApi, kindInfo } from "../api-decide.ts";
import { useAuth } from "../auth.tsx";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { Field, Outcome, ReasonAndPublish, SaveButton, TextField, useSave } from "./Form.tsx";

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The problem with a JSON text, or the object it holds. */
function parseObject(text: string): { value: Record<string, unknown> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { problem: `The document is not JSON: ${e instanceof Error ? e.message : String(e)}.` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { problem: "The document must be a JSON object ({ ... })." };
  return { value: value as Record<string, unknown> };
}

export function DecideDocumentForm({ onSaved }: { onSaved: (kind: DecideKind, id: string) => void }) {
  const { me } = useAuth();
  const kinds = DOCUMENT_KINDS.filter((k) => canWriteKind(me.role, k.kind));
  const services = useApi(() => api.services(), "services");
  const contracts = useApi(() => api.contracts(), "contracts");
  const [kind, setKind] = useState<DecideKind | "">("");
  const [id, setId] = useState("");
  const [title, setTitle] = useState("");
  const [serviceId, setServiceId] = useState("");
  const [contractId, setContractId] = useState("");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("");
  // Bumped after a save so the file input forgets the file it held.
  const [fileKey, setFileKey] = useState(0);
  const [reason, setReason] = useState("");
  const [published, setPublished] = useState(false);
  const chosen = kind || kinds[0]?.kind || "appraisal";
  const info = kindInfo(chosen);
  const s = useSave();
  const [saved, setSaved] = useState<{ to: string; title: string } | null>(null);

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(null);
    const parsed = parseObject(text);
    const ok = await s.run(
      () =>
        !SLUG.test(id.trim())
          ? "Give the document an id: lower-case letters, digits and hyphens, e.g. bss-case-2026."
          : !title.trim()
            ? "Give the document a title."
            : !serviceId && !contractId
              ? "Choose the service or the contract the document is about."
              : !text.trim()
                ? "Choose a JSON file or paste the document."
                : "problem" in parsed
                  ? parsed.problem
                  : !reason.trim()
                    ? "Say why you are storing this document (kept in the audit trail)."
                    : null,
      async () => {
        if ("problem" in parsed) throw new Error(parsed.problem);
        const stored = await decideApi.putDocument(chosen, id.trim(), {
          title: title.trim(),
          serviceId: serviceId || null,
          contractId: contractId || null,
          document: parsed.value,
          reason: reason.trim(),
        });
        if (stored.published !== published)
          await decideApi.setPublished(chosen, stored.id, published, reason.trim());
        const state = published ? "published" : "not published";
        return `${info.label} ${stored.id} stored (${state}).`;
      },
    );
    if (ok) {
      // A document about a contract belongs to that deal's page; an appraisal case about a
      // service alone opens as a case. (The service page does not show Decide documents.)
      const to = contractId
        ? `/appraisals/${encodeURIComponent(contractId)}`
        : chosen === "appraisal"
          ? `/appraisals/${encodeURIComponent(id.trim())}?view=case`
          : null;
      setSaved(to ? { to, title: title.trim() } : null);
      onSaved(chosen, id.trim());
      for (const clear of [setId, setTitle, setText, setFileName, setReason]) clear("");
      setFileKey((k) => k + 1);
    }
  };

  if (kinds.length === 0) return null;
  return (
    <section aria-labelledby="decide-doc-heading" className="manage">
      <h2 id="decide-doc-heading">Record a decision</h2>
      <p className="muted">
        The server checks the document with the engine's schema and stores nothing it refuses. Storing a
        document under an id that exists replaces it; the audit trail keeps both, with your reason.
      </p>
      <details className="manage-form" data-form="decide-document">
        <summary>
          <strong>Add or replace a decision document</strong>
        </summary>
        <Outcome prefix="decide-doc" error={s.error} done={s.done} />
        {saved && s.done ? (
          <p>
            <Link to={saved.to}>Open {saved.title}</Link>
          </p>
        ) : null}
        <form className="form" onSubmit={submit} noValidate aria-label="Add or replace a decision document">
          <Field id="decide-doc-kind" label="Kind">
            <select
              id="decide-doc-kind"
              value={chosen}
              onChange={(e) => setKind(e.target.value as DecideKind)}
            >
              {kinds.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="decide-doc-id"
            label="Id"
            hint="Lower-case letters, digits and hyphens; the same id replaces the stored document."
          >
            <input
              id="decide-doc-id"
              value={id}
              aria-describedby="decide-doc-id-hint"
              onChange={(e) => setId(e.target.value)}
            />
          </Field>
          <TextField id="decide-doc-title" label="Title" value={title} onChange={setTitle} />
          <Field id="decide-doc-service" label="Service">
            <select id="decide-doc-service" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              <option value="">None</option>
              {(services.data ?? []).map((sv) => (
                <option key={sv.id} value={sv.id}>
                  {sv.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="decide-doc-contract"
            label="Contract"
            hint="A document about a contract appears on that deal's page."
          >
            <select
              id="decide-doc-contract"
              value={contractId}
              aria-describedby="decide-doc-contract-hint"
              onChange={(e) => setContractId(e.target.value)}
            >
              <option value="">None</option>
              {(contracts.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </Field>
          <Field id="decide-doc-file" label="JSON file">
            <input
              key={fileKey}
              id="decide-doc-file"
              type="file"
              accept=".json,application/json"
              onChange={readFile}
            />
          </Field>
          <Field
            id="decide-doc-json"
            label="Document (JSON)"
            hint={`The engine's file form. Shape: ${info.schema}; an example: ${info.example} (both in the nous repository).`}
          >
            <textarea
              id="decide-doc-json"
              rows={10}
              spellCheck={false}
              style={{ width: "100%", fontFamily: "monospace", fontSize: "0.85rem", border: "2px solid" }}
              value={text}
              aria-describedby="decide-doc-json-hint"
              onChange={(e) => {
                setText(e.target.value);
                setFileName("");
              }}
            />
          </Field>
          {fileName ? (
            <p className="muted" data-testid="decide-doc-file-name">
              Read from {fileName}.
            </p>
          ) : null}
          <ReasonAndPublish
            prefix="decide-doc"
            reason={reason}
            setReason={setReason}
            published={published}
            setPublished={setPublished}
          />
          <SaveButton busy={s.busy} label="Store the document" />
        </form>
      </details>
    </section>
  );
}
