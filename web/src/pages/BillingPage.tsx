/**
 * `/billing` (staff): billing assurance for one contract. Upload the invoices and registers to
 * reconcile every line, then work the exception queue: filter by rule, month, subject and state,
 * see counts and amounts per group, and open an exception for its evidence.
 */
import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api.ts";
import {
  BILLING_UPLOAD_FILES,
  type BillingRun,
  billingApi,
  type ExceptionPage,
  type GroupBy,
  RULES,
  STATES,
  UPLOAD_ROLES,
} from "../api-billing.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { BillingStyles, Pence, StateTag } from "../components/BillingStyles.tsx";
import { BillingTotals } from "../components/BillingTotals.tsx";
import { DemoBadge } from "../components/DemoBadge.tsx";

import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Table } from "../components/Table.tsx";
import { formatCount, formatDate } from "../format.ts";
import { Link, navigate, queryParam, useLocation } from "../router.tsx";
import { useApi, useInvalidate } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

const PAGE_SIZE = 25;
const GROUPS: { id: GroupBy; label: string }[] = [
  { id: "rule", label: "Rule" },
  { id: "month", label: "Month" },
  { id: "subject", label: "Subject" },
  { id: "supplier", label: "Supplier" },
  { id: "state", label: "State" },
];

interface Filters {
  contract: string;
  rule: string;
  month: string;
  subject: string;
  state: string;
  groupBy: GroupBy;
  page: number;
}

function readFilters(location: string, fallbackContract: string): Filters {
  const q = (n: string) => queryParam(location, n) ?? "";
  const g = q("groupBy");
  return {
    contract: q("contract") || fallbackContract,
    rule: q("rule"),
    month: q("month"),
    subject: q("subject"),
    state: q("state"),
    groupBy: (GROUPS.some((x) => x.id === g) ? g : "rule") as GroupBy,
    page: Math.max(1, Number(q("page")) || 1),
  };
}

function hrefOf(f: Filters): string {
  const p = new URLSearchParams();
  p.set("contract", f.contract);
  for (const k of ["rule", "month", "subject", "state"] as const) if (f[k]) p.set(k, f[k]);
  if (f.groupBy !== "rule") p.set("groupBy", f.groupBy);
  if (f.page > 1) p.set("page", String(f.page));
  return `/billing?${p.toString()}`;
}

async function readFiles(list: FileList): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const f of Array.from(list)) files[f.name] = await f.text();
  return files;
}

function Upload({ contract, onDone }: { contract: string; onDone: (run: BillingRun) => void }) {
  const [files, setFiles] = useState<FileList | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BillingRun | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setDone(null);
    if (!files || files.length === 0) return setError("Choose the CSV files to upload.");
    if (!reason.trim()) return setError("Say why you are uploading (kept in the audit trail).");
    const known = new Set<string>(BILLING_UPLOAD_FILES.map((f) => f.name));
    const unknown = Array.from(files)
      .map((f) => f.name)
      .filter((n) => !known.has(n));
    if (unknown.length)
      return setError(`Unknown file ${unknown.join(", ")}: name each file as listed above.`);
    setBusy(true);
    setError(null);
    try {
      const run = await billingApi.upload(contract, reason.trim(), await readFiles(files));
      setDone(run);
      onDone(run);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="billing-upload">
      <summary>
        <strong>Upload invoices and registers</strong>
      </summary>
      <p>
        Choose the CSV files together:{" "}
        {BILLING_UPLOAD_FILES.filter((f) => f.required)
          .map((f) => f.name)
          .join(", ")}{" "}
        (required) and{" "}
        {BILLING_UPLOAD_FILES.filter((f) => !f.required)
          .map((f) => f.name)
          .join(", ")}{" "}
        (optional: without one, its rule is skipped). Every line is checked; a bad value stops the upload and
        nothing is stored.
      </p>
      {error ? (
        <div className="error-panel" role="alert" id="upload-error">
          <h2>Not uploaded</h2>
          <p>{error}</p>
        </div>
      ) : null}
      {done ? (
        <p className="billing-ok" role="status">
          Reconciled {formatCount(done.lines)} lines: {formatCount(done.exceptions)} exceptions,{" "}
          <Pence pence={done.atRiskPence} /> at risk.
        </p>
      ) : null}
      <form
        className="form billing-form"
        onSubmit={submit}
        noValidate
        aria-describedby={error ? "upload-error" : undefined}
      >
        <div className="form__group">
          <label htmlFor="billing-files">CSV files</label>
          <input
            id="billing-files"
            type="file"
            multiple
            accept=".csv,text/csv"
            onChange={(e) => setFiles(e.target.files)}
          />
        </div>
        <div className="form__group">
          <label htmlFor="billing-reason">Reason</label>
          <input id="billing-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Reconciling…" : "Upload and reconcile"}
        </button>
      </form>
    </details>
  );
}

function Queue({ f, data }: { f: Filters; data: ExceptionPage }) {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const go = (patch: Partial<Filters>) => navigate(hrefOf({ ...f, ...patch }), { replace: true });
  const groupLabel = GROUPS.find((g) => g.id === f.groupBy)?.label ?? f.groupBy;
  const filterFor = (key: string): Partial<Filters> =>
    f.groupBy === "supplier" ? {} : { [f.groupBy === "subject" ? "subject" : f.groupBy]: key, page: 1 };
  return (
    <>
      <p role="status">
        {formatCount(data.total)} exceptions, <Pence pence={data.totalAmountPence} /> at risk.
      </p>
      <Table
        caption={`Totals by ${groupLabel.toLowerCase()}`}
        rowKey={(g) => g.key}
        rows={data.groups.slice(0, 40)}
        columns={[
          {
            key: "k",
            header: groupLabel,
            sortValue: (g) => g.key,
            cell: (g) =>
              f.groupBy === "supplier" ? (
                g.key
              ) : (
                <Link to={hrefOf({ ...f, ...filterFor(g.key) })}>
                  {g.key}
                  {g.title ? ` ${g.title}` : ""}
                </Link>
              ),
          },
          {
            key: "n",
            header: "Exceptions",
            numeric: true,
            sortValue: (g) => g.count,
            cell: (g) => formatCount(g.count),
          },
          {
            key: "a",
            header: "At risk",
            numeric: true,
            sortValue: (g) => g.amountPence,
            cell: (g) => <Pence pence={g.amountPence} />,
          },
        ]}
      />
      {data.groups.length > 40 ? (
        <p className="muted">
          The 40 largest of {data.groupsTruncated ? "more than " : ""}
          {formatCount(data.groups.length)} groups.
        </p>
      ) : null}
      <Table
        caption="Exceptions, largest first"
        rowKey={(x) => x.id}
        rows={data.items}
        empty="No exceptions match these filters."
        filterable
        rowName={{ one: "exception on this page", other: "exceptions on this page" }}
        columns={[
          {
            key: "rule",
            header: "Rule",
            sortValue: (x) => x.rule,
            cell: (x) => (
              <Link to={`/billing/exceptions/${encodeURIComponent(x.id)}`} title={x.ruleTitle}>
                {x.rule} {x.ruleTitle}
              </Link>
            ),
          },
          {
            key: "subject",
            header: "Subject",
            sortValue: (x) => x.subjectId,
            cell: (x) => <code>{x.subjectId}</code>,
          },
          { key: "line", header: "Invoice / line", cell: (x) => `${x.invoiceId} / ${x.lineId}` },
          {
            key: "period",
            header: "Billed period",
            sortValue: (x) => x.periodStart,
            cell: (x) => `${formatDate(x.periodStart)} – ${formatDate(x.periodEnd)}`,
          },
          {
            key: "days",
            header: "Days",
            numeric: true,
            sortValue: (x) => x.days,
            cell: (x) => formatCount(x.days),
          },
          {
            key: "amount",
            header: "At risk",
            numeric: true,
            sortValue: (x) => x.amountPence,
            cell: (x) => <Pence pence={x.amountPence} />,
          },
          {
            key: "state",
            header: "State",
            sortValue: (x) => x.state,
            cell: (x) => <StateTag state={x.state} />,
          },
        ]}
      />
      <nav className="billing-pager" aria-label="Pages of exceptions">
        <button
          type="button"
          className="button"
          disabled={f.page <= 1}
          onClick={() => go({ page: f.page - 1 })}
        >
          Previous
        </button>
        <span>
          Page {f.page} of {pages}
        </span>
        <button
          type="button"
          className="button"
          disabled={f.page >= pages}
          onClick={() => go({ page: f.page + 1 })}
        >
          Next
        </button>
      </nav>
    </>
  );
}

function BillingBody() {
  const { me } = useAuth();
  const location = useLocation();
  const contracts = useApi(() => api.contracts(), "contracts");
  const fallback = contracts.data?.some((c) => c.id === "em-tagging")
    ? "em-tagging"
    : (contracts.data?.[0]?.id ?? "");
  const f = readFilters(location, fallback);
  const invalidate = useInvalidate();
  // The rules' names come from the server's registry; until they arrive the filter shows the ids.
  const rules = useApi(() => billingApi.rules(), "billing-rules");
  const titles = new Map((rules.data ?? []).map((r) => [r.id, r.name]));
  const queue = useApi(
    f.contract
      ? () =>
          billingApi.exceptions({
            contractId: f.contract,
            rule: f.rule,
            month: f.month,
            subject: f.subject,
            state: f.state,
            groupBy: f.groupBy,
            page: f.page,
            pageSize: PAGE_SIZE,
          })
      : null,
    `billing-queue:${hrefOf(f)}`,
  );
  const contract = contracts.data?.find((c) => c.id === f.contract);
  const go = (patch: Partial<Filters>) => navigate(hrefOf({ ...f, page: 1, ...patch }), { replace: true });

  if (contracts.error) return <ErrorPanel error={contracts.error} />;
  if (!contracts.data) return <Loading what="Loading the contracts" />;
  return (
    <>
      <div className="billing-filters">
        <div>
          <label htmlFor="billing-contract">Contract</label>
          <select
            id="billing-contract"
            value={f.contract}
            onChange={(e) => go({ contract: e.target.value, rule: "", month: "", subject: "", state: "" })}
          >
            {contracts.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {contract ? (
        <p>
          Supplier: <strong>{contract.supplier}</strong>
          {contract.demoFields.includes("supplier") ? (
            <>
              {" "}
              <DemoBadge />
            </>
          ) : null}{" "}
          · <Link to={`/contracts/${encodeURIComponent(contract.id)}`}>contract page</Link>
        </p>
      ) : null}
      {UPLOAD_ROLES.includes(me.role) && f.contract ? (
        <Upload contract={f.contract} onDone={() => void invalidate("billing")} />
      ) : null}
      {f.contract ? (
        <BillingTotals key={f.contract} contractId={f.contract} heading="Totals" queueLink={false} />
      ) : null}
      <h2 id="queue-heading">Exception queue</h2>
      <form className="billing-filters" aria-labelledby="queue-heading" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="f-rule">Rule</label>
          <select id="f-rule" value={f.rule} onChange={(e) => go({ rule: e.target.value })}>
            <option value="">All rules</option>
            {RULES.map((r) => (
              <option key={r} value={r}>
                {r} {titles.get(r) ?? ""}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-month">Month</label>
          <input id="f-month" type="month" value={f.month} onChange={(e) => go({ month: e.target.value })} />
        </div>
        <div>
          <label htmlFor="f-subject">Subject</label>
          <input
            id="f-subject"
            defaultValue={f.subject}
            key={f.subject}
            placeholder="e.g. S00000012"
            onBlur={(e) => e.target.value.trim() !== f.subject && go({ subject: e.target.value.trim() })}
            onKeyDown={(e) => {
              if (e.key === "Enter") go({ subject: e.currentTarget.value.trim() });
            }}
          />
        </div>
        <div>
          <label htmlFor="f-state">State</label>
          <select id="f-state" value={f.state} onChange={(e) => go({ state: e.target.value })}>
            <option value="">All states</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-group">Totals by</label>
          <select id="f-group" value={f.groupBy} onChange={(e) => go({ groupBy: e.target.value as GroupBy })}>
            {GROUPS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Link
            to={hrefOf({
              contract: f.contract,
              rule: "",
              month: "",
              subject: "",
              state: "",
              groupBy: f.groupBy,
              page: 1,
            })}
          >
            Clear filters
          </Link>
        </div>
        <div>
          <a
            href={billingApi.exportUrl({
              contractId: f.contract,
              rule: f.rule,
              month: f.month,
              subject: f.subject,
              state: f.state,
            })}
            download
          >
            Download these exceptions (CSV)
          </a>
        </div>
      </form>
      {queue.error ? <ErrorPanel error={queue.error} /> : null}
      {queue.loading && !queue.data ? <Loading what="Loading the exceptions" /> : null}
      {queue.data ? <Queue f={f} data={queue.data} /> : null}
    </>
  );
}

export function BillingPage() {
  usePageTitle("Billing assurance");
  const { me, ready } = useAuth();
  const location = useLocation();
  return (
    <>
      <BillingStyles />
      <h1>Billing assurance</h1>
      <p className="lead">
        Every invoice line checked against the authority's own records: was the person known, under an order,
        tagged, free, alive and in the country on each day billed, billed once and at the contract price?
      </p>
      {!ready ? <Loading /> : null}
      {ready && !isStaff(me) ? (
        <div className="error-panel" role="alert">
          <h2>Staff only</h2>
          <p>
            Billing data is about individuals and is open to staff only.{" "}
            <Link to={`/login?next=${encodeURIComponent(location)}`}>Sign in</Link> to see it.
          </p>
        </div>
      ) : null}
      {ready && isStaff(me) ? <BillingBody /> : null}
    </>
  );
}
