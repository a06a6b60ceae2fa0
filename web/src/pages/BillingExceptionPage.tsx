/**
 * `/billing/exceptions/:id` (staff): one billing exception: the rule, the money, the evidence
 * laid out against the billed period, the workflow buttons for the roles that may act, and the
 * exception's history (who did what, when and why).
 */
import { type FormEvent, useState } from "react";
import { parsePounds } from "../../../src/shared/money.ts";
import { ApiError } from "../api.ts";
import {
  ACTION_ROLES,
  BILLING_TRANSITIONS,
  type BillingAction,
  billingApi,
  type ExceptionDetail,
} from "../api-billing.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { BillingEvidence } from "../components/BillingEvidence.tsx";
import { BillingStyles, Pence, StateTag } from "../components/BillingStyles.tsx";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { Facts } from "../components/Facts.tsx";

import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Table } from "../components/Table.tsx";
import { formatTimestamp } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import { useApi, useInvalidate } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

type Action = BillingAction;

/** Each action's wording; the states it applies to are the contract's (BILLING_TRANSITIONS). */
const ACTIONS: { id: Action; title: string; button: string; from: readonly string[]; help: string }[] = [
  {
    id: "dispute",
    title: "Dispute",
    button: "Dispute with the supplier",
    from: BILLING_TRANSITIONS.dispute.from,
    help: "Raise the charge with the supplier; say why.",
  },
  {
    id: "recover",
    title: "Record recovery",
    button: "Record the money recovered",
    from: BILLING_TRANSITIONS.recover.from,
    help: "The supplier's credit note and the amount it gives back.",
  },
  {
    id: "accept",
    title: "Accept",
    button: "Accept the charge",
    from: BILLING_TRANSITIONS.accept.from,
    help: "The charge stands; record why (kept in the audit trail).",
  },
  {
    id: "reopen",
    title: "Reopen",
    button: "Reopen",
    from: BILLING_TRANSITIONS.reopen.from,
    help: "Put the exception back in the open queue.",
  },
];

function ActionForm({
  ex,
  action,
  onDone,
}: {
  ex: ExceptionDetail;
  action: (typeof ACTIONS)[number];
  onDone: (d: ExceptionDetail) => void;
}) {
  const [reason, setReason] = useState("");
  const [credit, setCredit] = useState("");
  const [amount, setAmount] = useState((ex.amountPence / 100).toFixed(2));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `${action.id}-${ex.id}`;

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    if (!reason.trim()) return setError("Give a reason.");
    let amountPence: number | undefined;
    if (action.id === "recover") {
      if (!credit.trim()) return setError("Give the credit note reference.");
      try {
        amountPence = parsePounds(amount.trim());
      } catch {
        return setError(`"${amount}" is not an amount in pounds, e.g. 123.45`);
      }
    }
    setBusy(true);
    setError(null);
    try {
      onDone(
        await billingApi.act(ex.id, action.id, {
          reason: reason.trim(),
          ...(action.id === "recover" ? { creditNote: credit.trim(), amountPence } : {}),
        }),
      );
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{action.title}</h3>
      <p className="muted">{action.help}</p>
      {error ? (
        <p className="error-panel" role="alert">
          {error}
        </p>
      ) : null}
      {action.id === "recover" ? (
        <>
          <div className="form__group">
            <label htmlFor={`${id}-credit`}>Credit note</label>
            <input id={`${id}-credit`} value={credit} onChange={(e) => setCredit(e.target.value)} />
          </div>
          <div className="form__group">
            <label htmlFor={`${id}-amount`}>Amount recovered (£)</label>
            <input
              id={`${id}-amount`}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </div>
        </>
      ) : null}
      <div className="form__group">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {action.button}
      </button>
    </form>
  );
}

function ExceptionBody({ id }: { id: string }) {
  const { me } = useAuth();
  const invalidate = useInvalidate();
  const [fresh, setFresh] = useState<ExceptionDetail | null>(null);
  const { data, error, loading } = useApi(() => billingApi.exception(id), `billing-exception:${id}`);
  const ex = fresh ?? data;
  usePageTitle(ex ? `${ex.rule} ${ex.subjectId}` : "Billing exception");
  if (error) return <ErrorPanel error={error} />;
  if (loading && !ex) return <Loading what="Loading the exception" />;
  if (!ex) return null;
  const current = ex.run.current;
  const actions = ACTIONS.filter((a) => ACTION_ROLES[a.id].includes(me.role) && a.from.includes(ex.state));
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/billing?contract=${encodeURIComponent(ex.contractId)}`}>Billing assurance</Link> ›{" "}
        <Link to={`/billing?contract=${encodeURIComponent(ex.contractId)}&rule=${ex.rule}`}>{ex.rule}</Link>
      </p>
      <h1>
        {ex.rule} {ex.ruleTitle}: <code>{ex.subjectId}</code>{" "}
        {ex.demo || ex.run.demo ? (
          <DemoBadge note="the invoices and registers were generated for the demo" />
        ) : null}
      </h1>
      <Facts
        label="The exception"
        facts={[
          { label: "State", value: <StateTag state={ex.state} /> },
          { label: "Money at risk", value: <Pence pence={ex.amountPence} /> },
          { label: "Days", value: String(ex.days) },
          { label: "Supplier", value: ex.supplier },
          {
            label: "Contract",
            value: <Link to={`/contracts/${encodeURIComponent(ex.contractId)}`}>{ex.contractId}</Link>,
          },
          ...(ex.state === "recovered"
            ? [
                { label: "Recovered", value: <Pence pence={ex.recoveredPence} /> },
                { label: "Credit note", value: ex.creditNote ?? "—" },
              ]
            : []),
          { label: "Reconciliation", value: `${ex.run.id}${current ? " (latest)" : " (superseded)"}` },
        ]}
      />
      {isStaff(me) && current && actions.length > 0 ? (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">Act on this exception</h2>
          <div className="billing-actions">
            {actions.map((a) => (
              <ActionForm
                key={`${a.id}-${ex.state}`}
                ex={ex}
                action={a}
                onDone={(d) => {
                  setFresh(d);
                  // The queue and the totals on other pages change with it.
                  void invalidate("billing");
                }}
              />
            ))}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence</h2>
        <BillingEvidence ev={ex.evidence} />
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <Table
          caption="What has been done about this exception"
          rowKey={(h) => `${h.at}-${h.to}`}
          rows={ex.history}
          empty="Nothing yet: the exception is open."
          columns={[
            { key: "at", header: "When", cell: (h) => formatTimestamp(h.at) },
            { key: "who", header: "Who", cell: (h) => h.actor },
            {
              key: "what",
              header: "Change",
              cell: (h) => (
                <>
                  <StateTag state={h.from} /> → <StateTag state={h.to} />
                  {h.data?.creditNote ? ` (${h.data.creditNote})` : ""}
                </>
              ),
            },
            {
              key: "why",
              header: "Why",
              cell: (h) => (
                <>
                  {h.reason} {h.demo ? <DemoBadge /> : null}
                </>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}

export function BillingExceptionPage({ id }: { id: string }) {
  const { me, ready } = useAuth();
  const location = useLocation();
  return (
    <>
      <BillingStyles />
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
      {ready && isStaff(me) ? <ExceptionBody id={id} /> : null}
    </>
  );
}
