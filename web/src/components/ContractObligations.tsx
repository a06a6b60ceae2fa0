/**
 * A contract's obligations on its page (staff only): reports due, audits, open-book reviews,
 * step-in rights, insurance renewals, each with its owner, due date and recurrence, overdue ones
 * marked, and the evidence of each completion. The contract side can record one and mark the
 * occurrence due complete with its evidence (a recurring one then rolls to its next due date).
 * Data from GET /api/contracts/{id}/obligations.
 */
import { type FormEvent, useState } from "react";
import {
  completeObligation,
  createObligation,
  listObligations,
  type Obligation,
} from "../../../src/contract/manage-performance.ts";
import { OBLIGATION_KIND_WORDS, OBLIGATION_KINDS, RECURRENCES } from "../../../src/manage/obligation.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { formatDate } from "../format.ts";
import { useApi } from "../useApi.ts";
import { WarningBadge } from "./Badges.tsx";
import { DemoBadge } from "./DemoBadge.tsx";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "./Form.tsx";
import { ErrorPanel, Loading } from "./Status.tsx";
import { type Column, Table } from "./Table.tsx";

const WRITERS: readonly string[] = completeObligation.roles;
const RECURRENCE_WORDS: Record<Obligation["recurrence"], string> = {
  none: "once",
  monthly: "every month",
  quarterly: "every quarter",
  annual: "every year",
};

function state(o: Obligation) {
  if (o.state === "done") return "done";
  if (o.state === "overdue")
    return (
      <WarningBadge>
        overdue by {-(o.daysLeft ?? 0)} day{o.daysLeft === -1 ? "" : "s"}
      </WarningBadge>
    );
  return o.daysLeft === 0 ? "due today" : `due in ${o.daysLeft} days`;
}

const columns: Column<Obligation>[] = [
  {
    key: "title",
    header: "Obligation",
    sortValue: (o) => o.title,
    cell: (o) => (
      <>
        {o.title} {o.demo ? <DemoBadge /> : null}
      </>
    ),
  },
  { key: "kind", header: "Kind", sortValue: (o) => o.kind, cell: (o) => OBLIGATION_KIND_WORDS[o.kind] },
  { key: "owner", header: "Owner", sortValue: (o) => o.owner, cell: (o) => o.owner },
  {
    key: "due",
    header: "Due",
    sortValue: (o) => o.dueDate,
    cell: (o) => (o.status === "done" ? "—" : formatDate(o.dueDate)),
  },
  { key: "recurrence", header: "Recurs", cell: (o) => RECURRENCE_WORDS[o.recurrence] },
  { key: "state", header: "State", sortValue: (o) => o.daysLeft, cell: state },
  {
    key: "evidence",
    header: "Last completed",
    cell: (o) => {
      const c = o.completions.at(-1);
      return c ? (
        `${formatDate(c.completedOn)} by ${c.completedBy}: ${c.evidence}`
      ) : (
        <span className="muted">never</span>
      );
    },
  },
];

function CompleteForm({ contractId, obligations }: { contractId: string; obligations: Obligation[] }) {
  const open = obligations.filter((o) => o.status === "open");
  const [id, setId] = useState(open[0]?.id ?? "");
  const [completedOn, setCompletedOn] = useState("");
  const [evidence, setEvidence] = useState("");
  const [reason, setReason] = useState("");
  const s = useSave();
  if (open.length === 0) return null;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        !/^\d{4}-\d{2}-\d{2}$/.test(completedOn)
          ? "Give the date it was done."
          : !evidence.trim()
            ? "Say what shows it was done (a report, a certificate, minutes)."
            : !reason.trim()
              ? "Say why you are recording this (kept in the audit trail)."
              : null,
      async () => {
        const r = await call(completeObligation, {
          params: { id: contractId },
          body: { obligationId: id, completedOn, evidence: evidence.trim(), reason: reason.trim() },
        });
        return r.status === "done" ? "Completed." : `Completed; next due ${formatDate(r.dueDate)}.`;
      },
    );
    if (ok) {
      setEvidence("");
      setReason("");
    }
  };
  return (
    <details className="manage-form" data-form="obligation-complete">
      <summary>
        <strong>Mark an obligation complete</strong>
      </summary>
      <form className="form" onSubmit={submit} noValidate>
        <Field id="oc-id" label="Obligation">
          <select id="oc-id" value={id} onChange={(e) => setId(e.target.value)}>
            {open.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title} (due {formatDate(o.dueDate)})
              </option>
            ))}
          </select>
        </Field>
        <TextField id="oc-on" label="Done on" type="date" value={completedOn} onChange={setCompletedOn} />
        <TextField id="oc-evidence" label="Evidence" value={evidence} onChange={setEvidence} />
        <ReasonField prefix="oc" reason={reason} setReason={setReason} />
        <SaveButton busy={s.busy} label="Mark complete" />
        <Outcome prefix="oc" error={s.error} done={s.done} />
      </form>
    </details>
  );
}

function AddForm({ contractId }: { contractId: string }) {
  const [id, setId] = useState("");
  const [kind, setKind] = useState<Obligation["kind"]>("report");
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [recurrence, setRecurrence] = useState<Obligation["recurrence"]>("none");
  const [reason, setReason] = useState("");
  const s = useSave();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        !id.trim()
          ? "Give the obligation a short reference, e.g. ob-audit-2027."
          : !title.trim()
            ? "Say what must be done."
            : !owner.trim()
              ? "Name who owns it."
              : !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)
                ? "Give the date it is due."
                : !reason.trim()
                  ? "Say why you are recording this (kept in the audit trail)."
                  : null,
      async () => {
        await call(createObligation, {
          params: { id: contractId },
          body: {
            id: id.trim(),
            kind,
            title: title.trim(),
            owner: owner.trim(),
            dueDate,
            recurrence,
            reason: reason.trim(),
          },
        });
        return `Obligation ${id.trim()} recorded.`;
      },
    );
    if (ok) {
      setId("");
      setTitle("");
      setReason("");
    }
  };
  return (
    <details className="manage-form" data-form="obligation">
      <summary>
        <strong>Add an obligation</strong>
      </summary>
      <form className="form" onSubmit={submit} noValidate>
        <TextField id="ob-id" label="Reference" value={id} onChange={setId} />
        <Field id="ob-kind" label="Kind">
          <select id="ob-kind" value={kind} onChange={(e) => setKind(e.target.value as Obligation["kind"])}>
            {OBLIGATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {OBLIGATION_KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </Field>
        <TextField id="ob-title" label="What must be done" value={title} onChange={setTitle} />
        <TextField id="ob-owner" label="Owner" value={owner} onChange={setOwner} />
        <TextField id="ob-due" label="Due" type="date" value={dueDate} onChange={setDueDate} />
        <Field id="ob-recurrence" label="Recurs">
          <select
            id="ob-recurrence"
            value={recurrence}
            onChange={(e) => setRecurrence(e.target.value as Obligation["recurrence"])}
          >
            {RECURRENCES.map((r) => (
              <option key={r} value={r}>
                {RECURRENCE_WORDS[r]}
              </option>
            ))}
          </select>
        </Field>
        <ReasonField prefix="ob" reason={reason} setReason={setReason} />
        <SaveButton busy={s.busy} label="Add obligation" />
        <Outcome prefix="ob" error={s.error} done={s.done} />
      </form>
    </details>
  );
}

export function ContractObligations({ contractId }: { contractId: string }) {
  const { me } = useAuth();
  const staff = isStaff(me);
  const { data, error } = useApi(
    staff ? () => call(listObligations, { params: { id: contractId } }) : null,
    `obligations:${contractId}`,
  );
  if (!staff) return null;
  if (error) return <ErrorPanel error={error} />;
  if (!data) return <Loading what="Loading the obligations" />;
  const overdue = data.filter((o) => o.state === "overdue").length;
  return (
    <section aria-labelledby="obligations-heading" data-testid="contract-obligations">
      <h2 id="obligations-heading">Obligations</h2>
      {overdue ? (
        <p>
          <WarningBadge>
            {overdue} obligation{overdue === 1 ? "" : "s"} overdue
          </WarningBadge>
        </p>
      ) : null}
      <Table
        caption="Obligations, their owners and due dates"
        captionHidden
        columns={columns}
        rows={data}
        rowKey={(o) => o.id}
        empty="No obligations recorded."
      />
      {WRITERS.includes(me.role) ? (
        <>
          <CompleteForm contractId={contractId} obligations={data} />
          <AddForm contractId={contractId} />
        </>
      ) : null}
    </section>
  );
}
