/**
 * `/cases/new` and `/cases/:id`: an appraisal case built in a form (options, cash flows by year
 * and category, optimism bias, savings target, uncertain inputs), checked as it is typed by the
 * engine's own rules, its result (NPV, recommendation, probability of meeting the target) shown
 * before saving. Saved as a numbered draft; versions compared (what changed, what it did to the
 * NPV) and one published. The case's spreadsheet downloads and uploads here too.
 */
import { type ChangeEvent, useEffect, useMemo, useState } from "react";
import { appraisalVersions, caseTemplate, readCaseSheet } from "../../../src/contract/decide-drafts.ts";
import { api } from "../api.ts";
import { canWriteKind } from "../api-decide.ts";
import { useAuth } from "../auth.tsx";
import { call, operationUrl } from "../client.ts";
import { CaseHead, CashFlowGrid, InputsEditor, OptionsEditor } from "../components/case-form/CaseFields.tsx";
import { CaseStyles } from "../components/case-form/CaseStyles.tsx";
import { buildCase, type CaseState, emptyCase, fromCase } from "../components/case-form/model.ts";
import { ProblemList, ResultPreview, usePreview } from "../components/case-form/ResultPreview.tsx";
import { Field, Outcome, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { ErrorPanel } from "../components/Status.tsx";
import { VersionCompare } from "../components/VersionCompare.tsx";
import { VersionsTable } from "../components/VersionParts.tsx";
import { Link, queryParam, useLocation } from "../router.tsx";
import { useInvalidate } from "../queries.ts";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function CaseFormPage({ id: routeId }: { id: string | null }) {
  const { me } = useAuth();
  // A new case has an id once its first draft is saved; the page stays (and keeps what was typed).
  const [savedId, setSavedId] = useState<string | null>(null);
  const id = routeId ?? savedId;
  const writer = canWriteKind(me.role, "appraisal");
  usePageTitle(id ? `Appraisal case ${id}` : "New appraisal case");
  const versions = useApi(
    id ? () => call(appraisalVersions.listVersions, { params: { id } }) : null,
    `decide-versions:${id}`,
  );
  const services = useApi(() => api.services(), "services");
  const [s, setS] = useState<CaseState>(emptyCase);
  const [loadedFrom, setLoadedFrom] = useState<number | null>(null);
  const [caseId, setCaseId] = useState(id ?? "");
  const [title, setTitle] = useState("");
  const [serviceId, setServiceId] = useState(queryParam(useLocation(), "service") ?? "");
  const [reason, setReason] = useState("");
  const [publishReason, setPublishReason] = useState("");
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [sheetError, setSheetError] = useState<string | null>(null);
  const invalidate = useInvalidate();
  // The versions list shows a new draft or a publication at once.
  const save = useSave(() => void invalidate("decide-versions:"));
  const publish = useSave(() => void invalidate("decide-versions:"));

  const list = versions.data ?? [];
  const latest = list[list.length - 1];
  // Fill the form once from the latest version.
  useEffect(() => {
    if (latest && loadedFrom === null) {
      setS(fromCase(latest.document as Record<string, unknown>));
      setTitle(latest.title);
      setServiceId(latest.serviceId ?? "");
      setLoadedFrom(latest.version);
    }
  }, [latest, loadedFrom]);

  const built = useMemo(() => buildCase(s), [s]);
  const preview = usePreview(built.document, built.problems.length === 0 && writer);
  const names = new Map(s.options.map((o) => [o.id.trim(), o.name.trim() || o.id.trim()]));

  const saveDraft = async () => {
    const target = caseId.trim();
    const ok = await save.run(
      () =>
        !SLUG.test(target)
          ? "Give the case an id: lower-case letters, digits and hyphens, e.g. fm-case-2026."
          : !title.trim()
            ? "Give the case a title."
            : built.problems.length > 0
              ? `Put right the ${built.problems.length === 1 ? "problem" : `${built.problems.length} problems`} listed above first.`
              : !reason.trim()
                ? "Say why you are saving this version (kept in the audit trail)."
                : null,
      async () => {
        const v = await call(appraisalVersions.saveDraft, {
          params: { id: target },
          body: {
            title: title.trim(),
            serviceId: serviceId || null,
            document: built.document,
            reason: reason.trim(),
          },
        });
        setLoadedFrom(v.version);
        return `Version ${v.version} saved as a draft.`;
      },
    );
    if (ok) {
      setReason("");
      if (!id) {
        setSavedId(target);
        window.history.replaceState(null, "", `/cases/${encodeURIComponent(target)}`);
      }
    }
  };

  const publishLatest = async () => {
    if (!id || !latest) return;
    await publish.run(
      () =>
        !publishReason.trim() ? "Say why you are publishing this version (kept in the audit trail)." : null,
      async () => {
        await call(appraisalVersions.publishVersion, {
          params: { id, version: latest.version },
          body: { reason: publishReason.trim() },
        });
        setPublishReason("");
        return `Version ${latest.version} published: it is the case everyone now reads.`;
      },
    );
  };

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setSheetError(null);
    try {
      const r = await call(readCaseSheet, {
        body: {
          fileName: file.name,
          contentBase64: await base64(file),
          ...(file.name.toLowerCase().endsWith(".csv") ? { base: built.document } : {}),
        },
      });
      setS(fromCase(r.document as Record<string, unknown>));
    } catch (err) {
      setSheetError(err instanceof Error ? err.message : String(err));
    }
    e.target.value = "";
  };

  return (
    <>
      <CaseStyles />
      <p className="breadcrumb">
        <Link to="/appraisals">Appraisals</Link> › {id ? id : "New case"}
      </p>
      <h1>{id ? `Appraisal case: ${title || id}` : "New appraisal case"}</h1>
      {versions.error ? <ErrorPanel error={versions.error} /> : null}
      {!writer ? <p>Your role may read appraisal cases but not write them.</p> : null}
      <p className="lead">
        Build the case option by option. It is checked as you type with the appraisal engine's own rules; its
        result appears below before anything is saved.
      </p>
      <form
        className="form case-form"
        aria-label="Appraisal case"
        noValidate
        onSubmit={(e) => e.preventDefault()}
      >
        <CaseHead s={s} set={setS} problems={built.problems} />
        <OptionsEditor s={s} set={setS} problems={built.problems} />
        <CashFlowGrid s={s} set={setS} problems={built.problems} />
        <InputsEditor s={s} set={setS} problems={built.problems} />
      </form>
      <ProblemList problems={built.problems} />
      <ResultPreview preview={preview} names={names} />

      {writer ? (
        <section className="case-section" aria-labelledby="case-save-heading">
          <h2 id="case-save-heading">Save as a draft</h2>
          <p className="muted">
            A draft is a new version; nobody else's reads change until a version is published.
          </p>
          <Outcome prefix="case-save" error={save.error} done={save.done} />
          <form
            className="form"
            aria-label="Save the case as a draft"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void saveDraft();
            }}
          >
            <div className="case-row">
              <Field id="case-id" label="Case id" hint="Lower-case letters, digits and hyphens.">
                <input
                  id="case-id"
                  value={caseId}
                  disabled={routeId !== null || savedId !== null}
                  aria-describedby="case-id-hint"
                  onChange={(e) => setCaseId(e.target.value)}
                />
              </Field>
              <TextField id="case-title" label="Title" value={title} onChange={setTitle} />
              <Field id="case-service" label="Service">
                <select id="case-service" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
                  <option value="">None</option>
                  {(services.data ?? []).map((sv) => (
                    <option key={sv.id} value={sv.id}>
                      {sv.name}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <TextField
              id="case-save-reason"
              label="Reason for this version (kept in the audit trail)"
              value={reason}
              onChange={setReason}
            />
            <SaveButton busy={save.busy} label="Save draft" />
          </form>
        </section>
      ) : null}

      {id && list.length > 0 ? (
        <section className="case-section" aria-labelledby="case-versions-heading">
          <h2 id="case-versions-heading">Versions</h2>
          <VersionsTable
            versions={list}
            of="this case"
            testId="case-versions"
            onCompare={(from, to) => setCompare({ from, to })}
          />
          {compare ? <VersionCompare id={id} from={compare.from} to={compare.to} names={names} /> : null}
          {writer && latest ? (
            <>
              <h3>Publish version {latest.version}</h3>
              <Outcome prefix="case-publish" error={publish.error} done={publish.done} />
              <form
                className="form"
                aria-label={`Publish version ${latest.version}`}
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  void publishLatest();
                }}
              >
                <TextField
                  id="case-publish-reason"
                  label="Reason for publishing (kept in the audit trail)"
                  value={publishReason}
                  onChange={setPublishReason}
                />
                <SaveButton busy={publish.busy} label={`Publish version ${latest.version}`} />
              </form>
            </>
          ) : null}
        </section>
      ) : null}

      {writer ? (
        <section className="case-section" aria-labelledby="case-sheet-heading">
          <h2 id="case-sheet-heading">Spreadsheet</h2>
          <p className="muted">
            Fill the case in Excel: download the template, fill it, upload it here; it is read into the form
            above (nothing is saved until you save a draft). A CSV holds the cash flows only.
          </p>
          <ul>
            {id && latest ? (
              <li>
                <a
                  href={operationUrl(caseTemplate, { params: { id }, query: { version: latest.version } })}
                  download
                >
                  This case as a spreadsheet (XLSX), version {latest.version}
                </a>
              </li>
            ) : null}
            <li>
              <a href="/api/decide/appraisal-template" download>
                A blank case template (XLSX)
              </a>
            </li>
          </ul>
          {sheetError ? (
            <div className="error-panel" role="alert" id="case-sheet-error">
              <p>{sheetError}</p>
            </div>
          ) : null}
          <form
            className="form"
            aria-label="Upload a case spreadsheet"
            noValidate
            onSubmit={(e) => e.preventDefault()}
          >
            <Field id="case-sheet-file" label="Upload a filled template (XLSX or CSV)">
              <input id="case-sheet-file" type="file" accept=".xlsx,.csv" onChange={upload} />
            </Field>
          </form>
        </section>
      ) : null}
    </>
  );
}
