/**
 * A contract's dates on its page: the status derived from them today, the end it runs to and
 * could run to, a timeline of its deadlines (the last day to decide on an option, to give notice
 * to break, to decide what follows, and the end), its options and break points, and who owned
 * the supplier when. Dates come from GET /api/contracts/{id}/dates.
 */
import { type FormEvent, useState } from "react";
import { getContractDates, putContractTerm } from "../../../src/contract/manage-dates.ts";
import type { ContractDates as Dates } from "../../../src/contract/manage-dates.ts";
import { percent } from "../../../src/manage/ownership.ts";
import { useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { formatDate } from "../format.ts";
import { useApi, useInvalidate } from "../useApi.ts";
import { DemoBadge } from "./DemoBadge.tsx";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "./Form.tsx";
import { Facts } from "./Facts.tsx";
import { ErrorPanel } from "./Status.tsx";
import { type Column, Table } from "./Table.tsx";

type Deadline = Dates["deadlines"][number];

const KIND_WORDS: Record<Deadline["kind"], string> = {
  "option-decision": "Decide on an extension option",
  "break-notice": "Last day to give notice to break",
  "end-decision": "Decide what follows",
  "end-of-term": "End of term",
};

function left(n: number): string {
  if (n === 0) return "today";
  return n < 0 ? `${-n} days ago` : `in ${n} days`;
}

const columns: Column<Deadline>[] = [
  {
    key: "date",
    header: "Date",
    sortValue: (d) => d.date,
    cell: (d) => <span className="nowrap">{formatDate(d.date)}</span>,
  },
  { key: "kind", header: "Deadline", sortValue: (d) => KIND_WORDS[d.kind], cell: (d) => KIND_WORDS[d.kind] },
  { key: "detail", header: "How it follows from the term", cell: (d) => d.detail },
  { key: "left", header: "When", numeric: true, sortValue: (d) => d.daysLeft, cell: (d) => left(d.daysLeft) },
];

type Term = NonNullable<Dates["term"]>;
type OptionState = Term["options"][number]["state"];
type NoticeKind = NonNullable<Term["notice"]>["kind"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The term as the PUT body takes it, with one change applied. */
function termBody(t: Term, reason: string, change: Partial<Pick<Term, "options" | "notice">>) {
  const next = { ...t, ...change };
  return {
    reason,
    initialEndDate: next.initialEndDate,
    endNoticeMonths: next.endNoticeMonths,
    options: next.options.map((o) => ({
      id: o.id,
      fromDate: o.fromDate,
      toDate: o.toDate,
      state: o.state,
      noticeMonths: o.noticeMonths,
      decidedOn: o.decidedOn,
      note: o.note,
    })),
    breakPoints: next.breakPoints.map((b) => ({
      id: b.id,
      on: b.on,
      noticeMonths: b.noticeMonths,
      note: b.note,
    })),
    notice: next.notice,
    source: next.source,
  };
}

/**
 * For the contract side: record a decision on an extension option, or a notice given to end the
 * contract. Each replaces the stored term with the change (audited with its reason); the
 * deadlines and the status follow from it.
 */
function TermForms({ contractId, term }: { contractId: string; term: Term }) {
  const [optionId, setOptionId] = useState(
    term.options.find((o) => o.state === "pending")?.id ?? term.options[0]?.id ?? "",
  );
  const [state, setState] = useState<OptionState>("taken");
  const [decidedOn, setDecidedOn] = useState("");
  const [optReason, setOptReason] = useState("");
  const invalidate = useInvalidate();
  const reload = () => void invalidate(`contract-dates:${contractId}`);
  const opt = useSave(reload);
  const [kind, setKind] = useState<NoticeKind>("non-extension");
  const [givenOn, setGivenOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [noticeReason, setNoticeReason] = useState("");
  const notice = useSave(reload);

  const saveOption = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await opt.run(
      () =>
        !optionId
          ? "Choose the option."
          : decidedOn && !DATE.test(decidedOn)
            ? "Give the date of the decision as YYYY-MM-DD."
            : !optReason.trim()
              ? "Give a reason: it is kept in the audit trail."
              : null,
      async () => {
        const options = term.options.map((o) =>
          o.id === optionId ? { ...o, state, decidedOn: decidedOn || null } : o,
        );
        await call(putContractTerm, {
          params: { id: contractId },
          body: termBody(term, optReason.trim(), { options }),
        });
        return `Option ${optionId} recorded as ${state}.`;
      },
    );
  };
  const saveNotice = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await notice.run(
      () =>
        !DATE.test(givenOn) || !DATE.test(endsOn)
          ? "Give the day the notice was given and the contract's last day, as YYYY-MM-DD."
          : !noticeReason.trim()
            ? "Give a reason: it is kept in the audit trail."
            : null,
      async () => {
        await call(putContractTerm, {
          params: { id: contractId },
          body: termBody(term, noticeReason.trim(), { notice: { kind, givenOn, endsOn } }),
        });
        return `Notice recorded: the contract ends on ${formatDate(endsOn)}.`;
      },
    );
  };
  return (
    <>
      {term.options.length > 0 ? (
        <details>
          <summary>Record a decision on an extension option</summary>
          <form
            className="form"
            aria-label="Record a decision on an extension option"
            onSubmit={saveOption}
            noValidate
          >
            <Field id="term-option" label="Option">
              <select id="term-option" value={optionId} onChange={(e) => setOptionId(e.target.value)}>
                {term.options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.id}: {o.fromDate} to {o.toDate} ({o.state})
                  </option>
                ))}
              </select>
            </Field>
            <Field id="term-option-state" label="Decision">
              <select
                id="term-option-state"
                value={state}
                onChange={(e) => setState(e.target.value as OptionState)}
              >
                <option value="taken">taken</option>
                <option value="declined">declined</option>
                <option value="pending">pending</option>
              </select>
            </Field>
            <TextField
              id="term-option-date"
              label="Decided on"
              type="date"
              value={decidedOn}
              onChange={setDecidedOn}
            />
            <ReasonField prefix="term-option" reason={optReason} setReason={setOptReason} />
            <Outcome prefix="term-option" error={opt.error} done={opt.done} />
            <SaveButton busy={opt.busy} label="Record decision" />
          </form>
        </details>
      ) : null}
      <details>
        <summary>Record a notice given to end the contract</summary>
        <form
          className="form"
          aria-label="Record a notice given to end the contract"
          onSubmit={saveNotice}
          noValidate
        >
          <Field id="term-notice-kind" label="Kind of notice">
            <select
              id="term-notice-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as NoticeKind)}
            >
              <option value="non-extension">not to extend</option>
              <option value="break">to break at a break point</option>
              <option value="termination">to terminate</option>
            </select>
          </Field>
          <TextField
            id="term-notice-given"
            label="Given on"
            type="date"
            value={givenOn}
            onChange={setGivenOn}
          />
          <TextField
            id="term-notice-ends"
            label="The contract's last day"
            type="date"
            value={endsOn}
            onChange={setEndsOn}
          />
          <ReasonField prefix="term-notice" reason={noticeReason} setReason={setNoticeReason} />
          <Outcome prefix="term-notice" error={notice.error} done={notice.done} />
          <SaveButton busy={notice.busy} label="Record notice" />
        </form>
      </details>
    </>
  );
}

export function ContractDates({ contractId }: { contractId: string }) {
  const { me } = useAuth();
  const canRecord = (putContractTerm.roles as readonly string[]).includes(me.role);
  const { data, error } = useApi(
    () => call(getContractDates, { params: { id: contractId } }),
    `contract-dates:${contractId}`,
  );
  if (error) return <ErrorPanel error={error} />;
  if (!data) return null;
  const t = data.term;
  return (
    <section aria-labelledby="dates-heading" data-testid="contract-dates">
      <h2 id="dates-heading">Dates and deadlines</h2>
      <Facts
        label="Status and term"
        facts={[
          { label: `Status on ${formatDate(data.today)}`, value: <strong>{data.status}</strong> },
          { label: "Runs to", value: formatDate(data.currentEnd) },
          { label: "Could run to (every option not declined)", value: formatDate(data.maximumEnd) },
          ...(t ? [{ label: "Initial term ends", value: formatDate(t.initialEndDate) }] : []),
          ...(t?.notice
            ? [
                {
                  label: "Notice given",
                  value: `${t.notice.kind}, on ${formatDate(t.notice.givenOn)}, ends ${formatDate(t.notice.endsOn)}`,
                },
              ]
            : []),
        ]}
      />
      {t?.demo ? (
        <p>
          <DemoBadge note="term includes dates invented for the demo" /> {t.source}
        </p>
      ) : t?.source ? (
        <p className="muted">Source: {t.source}</p>
      ) : null}
      <Table
        caption="Timeline of deadlines"
        columns={columns}
        rows={data.deadlines}
        rowKey={(d) => d.uid}
        empty="No term is recorded, so no deadlines follow."
      />
      {t && t.options.length > 0 ? (
        <>
          <h3>Extension options</h3>
          <ul>
            {t.options.map((o) => (
              <li key={o.id}>
                {formatDate(o.fromDate)} to {formatDate(o.toDate)}: <strong>{o.state}</strong>
                {o.decidedOn ? ` on ${formatDate(o.decidedOn)}` : ""}, {o.noticeMonths} months' notice.{" "}
                {o.note}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {t && t.breakPoints.length > 0 ? (
        <>
          <h3>Break points</h3>
          <ul>
            {t.breakPoints.map((b) => (
              <li key={b.id}>
                {formatDate(b.on)}, {b.noticeMonths} months' notice. {b.note}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.owners.length > 0 ? (
        <>
          <h3>Who owns the supplier</h3>
          <ul data-testid="owners">
            {data.owners.map((o) => (
              <li key={`${o.owner}-${o.fromDate ?? ""}`}>
                {o.owner} {percent(o.shareBp)},{" "}
                {o.fromDate ? `from ${formatDate(o.fromDate)}` : "from the start of the record"}
                {o.toDate ? ` to ${formatDate(o.toDate)}` : " to now"}. {o.demo ? <DemoBadge /> : null}{" "}
                <span className="muted">{o.source}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canRecord && t ? <TermForms contractId={contractId} term={t} /> : null}
    </section>
  );
}
