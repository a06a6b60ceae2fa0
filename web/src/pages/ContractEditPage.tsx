/**
 * `/contracts/:id/edit` (contract side): one form for what a contract manager keeps about a
 * contract: its parties and base fields as recorded, to correct (web/src/components/
 * ContractPartiesFields.tsx; only what changed is sent); then who owns the supplier (shares typed as percentages, kept as basis points), the term with its
 * extension options and break points, and the payment mechanism. Each section is checked as you
 * type by the rules the server runs (web/src/pages/contract-edit-model.ts), and the result they
 * derive (the end it runs to and could run to, the next deadlines, the owners today) is shown
 * before saving. Saving sends every section that has something in it in one request
 * (PUT /api/contracts/{id}/sheet, src/app/contract-sheet.ts), saved all or nothing in one
 * audited transaction; a refusal says nothing was saved, naming the section, and keeps
 * everything typed.
 */
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { putContractSheet } from "../../../src/contract/contract-sheet.ts";
import { getContractDates } from "../../../src/contract/manage-dates.ts";
import { getPaymentMechanism } from "../../../src/contract/manage-payment.ts";
import { getContract } from "../../../src/contract/records.ts";
import { daysLeft } from "../../../src/manage/deadlines.ts";
import { PRICING_WORDS } from "../../../src/manage/payment-mechanism.ts";
import { useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { OwnersFields, PaymentFields, TermFields } from "../components/ContractEditFields.tsx";
import {
  changedWords,
  checkParties,
  PartiesFields,
  type PartiesTyped,
  partiesOf,
} from "../components/ContractPartiesFields.tsx";
import { Outcome, ReasonField, SaveButton, useSave } from "../components/Form.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { formatDate } from "../format.ts";
import { bpToInput } from "../percent-input.ts";
import { Link, navigate } from "../router.tsx";
import { useApi } from "../useApi.ts";
import {
  checkOwners,
  checkPayment,
  checkTerm,
  EMPTY_PAYMENT,
  type OwnerRow,
  ownersPreview,
  type PaymentTyped,
  type TermTyped,
  termPreview,
  termTyped,
} from "./contract-edit-model.ts";
import { usePageTitle } from "./title.ts";

const EMPTY_TERM: TermTyped = {
  initialEndDate: "",
  endNoticeMonths: "6",
  options: [],
  breakPoints: [],
  notice: null,
  source: "",
};

const share = (bp: number | null) => (bp === null ? "" : bpToInput(bp));

export function ContractEditPage({ id }: { id: string }) {
  const { me } = useAuth();
  const loaded = useApi(async () => {
    const [contract, dates, payment] = await Promise.all([
      call(getContract, { params: { id } }),
      call(getContractDates, { params: { id } }),
      call(getPaymentMechanism, { params: { id } }),
    ]);
    return { contract, dates, payment };
  }, `contract-edit:${id}`);
  const c = loaded.data?.contract;
  usePageTitle(c ? `Change ${c.title}` : "Change a contract");
  const [ready, setReady] = useState(false);
  const [parties, setParties] = useState<PartiesTyped | null>(null);
  const [owners, setOwners] = useState<OwnerRow[]>([]);
  const [hadOwners, setHadOwners] = useState(false);
  const [term, setTerm] = useState<TermTyped>(EMPTY_TERM);
  const [payment, setPayment] = useState<PaymentTyped>(EMPTY_PAYMENT);
  const [reason, setReason] = useState("");
  const s = useSave();

  // What is stored, once, as the form's starting values (a reload after saving does not
  // overwrite what is being typed).
  useEffect(() => {
    const d = loaded.data;
    if (!d || ready) return;
    setParties(partiesOf(d.contract));
    setOwners(
      d.dates.owners.map((o, i) => ({
        key: `owner-${i}`,
        owner: o.owner,
        share: bpToInput(o.shareBp),
        fromDate: o.fromDate ?? "",
        toDate: o.toDate ?? "",
        source: o.source,
      })),
    );
    setHadOwners(d.dates.owners.length > 0);
    const t = d.dates.term;
    if (t)
      setTerm({
        initialEndDate: t.initialEndDate,
        endNoticeMonths: String(t.endNoticeMonths),
        options: t.options.map((o) => ({
          key: `option-${o.id}`,
          id: o.id,
          fromDate: o.fromDate,
          toDate: o.toDate,
          noticeMonths: String(o.noticeMonths),
          state: o.state,
          decidedOn: o.decidedOn ?? "",
          note: o.note,
        })),
        breakPoints: t.breakPoints.map((b) => ({
          key: `break-${b.id}`,
          id: b.id,
          on: b.on,
          noticeMonths: String(b.noticeMonths),
          note: b.note,
        })),
        notice: t.notice,
        source: t.source,
      });
    const m = d.payment.mechanism;
    if (m)
      setPayment({
        pricingBasis: m.pricingBasis,
        painShare: share(m.painShareBp),
        gainShare: share(m.gainShareBp),
        invoicing: m.invoicing,
        paymentTermsDays: String(m.paymentTermsDays),
        indexation: m.indexation,
        indexationRate: share(m.indexationRateBp),
        indexationReviewOn: m.indexationReviewOn ?? "",
        serviceCreditCap: share(m.serviceCreditCapBp),
        note: m.note,
      });
    setReady(true);
  }, [loaded.data, ready]);

  const supplier = c?.supplier ?? "";
  const startDate = c?.startDate ?? null;
  const today = loaded.data?.dates.today ?? "";
  const ownersChecked = useMemo(() => checkOwners(owners, supplier), [owners, supplier]);
  const termChecked = useMemo(
    () => (termTyped(term) ? checkTerm(term, id, startDate) : null),
    [term, id, startDate],
  );
  const paymentChecked = useMemo(() => checkPayment(payment, startDate), [payment, startDate]);
  const partiesChecked = useMemo(() => (parties && c ? checkParties(parties, c) : null), [parties, c]);

  if (!(putContractSheet.roles as readonly string[]).includes(me.role))
    return (
      <div className="error-panel" role="alert">
        <p>Only the contract side (contract managers, commercial leads) changes a contract's record.</p>
      </div>
    );
  if (loaded.error) return <ErrorPanel error={loaded.error} />;
  if (!c || !ready || !parties || !partiesChecked) return <Loading what="Loading the contract" />;

  const partiesProblem = "problem" in partiesChecked ? partiesChecked.problem : null;
  const partiesPatch = "patch" in partiesChecked ? partiesChecked.patch : {};
  const partiesChanged = Object.keys(partiesPatch).length > 0;
  const ownersProblem = "problem" in ownersChecked ? ownersChecked.problem : null;
  const termProblem = termChecked && "problem" in termChecked ? termChecked.problem : null;
  const paymentProblems = paymentChecked && "problems" in paymentChecked ? paymentChecked.problems : [];
  const preview = termChecked && "ok" in termChecked ? termPreview(termChecked.ok.term, c, today) : null;
  const ownersToday = "ok" in ownersChecked ? ownersPreview(ownersChecked.ok, supplier, today) : "";
  const sendOwners = owners.length > 0 || hadOwners;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const saved = await s.run(
      () => {
        if (partiesProblem) return partiesProblem;
        if (ownersProblem) return ownersProblem;
        if (termProblem) return termProblem;
        if (paymentProblems[0]) return paymentProblems[0];
        if (!partiesChanged && !sendOwners && !termChecked && !paymentChecked)
          return "There is nothing to record yet.";
        if (!reason.trim()) return "Say why the record changes: the audit trail keeps it.";
        return null;
      },
      async () => {
        const sections = {
          ...(partiesChanged ? { contract: partiesPatch } : {}),
          ...(sendOwners && "ok" in ownersChecked ? { owners: ownersChecked.ok } : {}),
          ...(termChecked && "ok" in termChecked ? { term: termChecked.ok.body } : {}),
          ...(paymentChecked && "ok" in paymentChecked ? { payment: paymentChecked.ok } : {}),
        };
        try {
          await call(putContractSheet, { params: { id }, body: { reason: reason.trim(), ...sections } });
        } catch (err) {
          const said = err instanceof Error ? err.message : String(err);
          throw new Error(`Nothing was saved. ${said}`);
        }
        setHadOwners(owners.length > 0);
        const words = {
          contract: "base fields",
          owners: "owners",
          term: "term",
          payment: "payment mechanism",
        };
        return `Recorded: ${Object.keys(sections)
          .map((k) => words[k as keyof typeof words])
          .join(", ")}.`;
      },
    );
    if (saved) navigate(`/contracts/${encodeURIComponent(id)}`);
  };

  const m = paymentChecked && "ok" in paymentChecked ? paymentChecked.ok : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/contracts">Contract register</Link> ›{" "}
        <Link to={`/contracts/${encodeURIComponent(id)}`}>{c.title}</Link>
      </p>
      <h1>Change {c.title}</h1>
      <form className="form" aria-label="Contract record" onSubmit={submit} noValidate>
        <PartiesFields t={parties} setT={setParties} problem={partiesProblem} />
        <OwnersFields
          rows={owners}
          setRows={setOwners}
          supplier={supplier}
          problem={ownersProblem}
          preview={ownersToday}
        />
        <TermFields term={term} setTerm={setTerm} problem={termProblem} />
        <PaymentFields p={payment} setP={setPayment} problems={paymentProblems} />
        <section className="panel" aria-labelledby="edit-result-h">
          <h2 id="edit-result-h">What will be recorded</h2>
          <ul aria-label="Result before saving">
            <li>
              {partiesProblem
                ? "Base fields: to correct first."
                : partiesChanged
                  ? `Base fields changed: ${changedWords(partiesPatch)}.`
                  : "Base fields: unchanged."}
            </li>
            <li>Owners today: {ownersProblem ? "to correct first." : ownersToday || "none recorded."}</li>
            <li>
              {preview
                ? `Runs to ${formatDate(preview.currentEnd)}; could run to ${formatDate(preview.maximumEnd)} with every option not declined.`
                : termProblem
                  ? "Term: to correct first."
                  : "No term will be recorded."}
            </li>
            {preview?.next.map((d) => (
              <li key={d.key}>
                {formatDate(d.date)} (in {daysLeft(d, today)} days): {d.title}
              </li>
            ))}
            <li>
              {m
                ? `${PRICING_WORDS[m.pricingBasis]}, invoiced ${m.invoicing.replace("-", " ")}, paid within ${m.paymentTermsDays} days.`
                : paymentProblems.length
                  ? "Payment mechanism: to correct first."
                  : "No payment mechanism will be recorded."}
            </li>
          </ul>
        </section>
        <ReasonField prefix="edit" reason={reason} setReason={setReason} />
        <Outcome prefix="edit" error={s.error} done={s.done} />
        <SaveButton busy={s.busy} label="Save contract record" />
      </form>
    </>
  );
}
