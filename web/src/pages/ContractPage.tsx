/** `/contracts/:id`: one contract's facts, term, value, savings claimed and decision timeline. */
import { api } from "../api.ts";
import { UnpublishedTag } from "../components/Badges.tsx";
import { BillingTotals } from "../components/BillingTotals.tsx";
import { ContractDates } from "../components/ContractDates.tsx";
import { ContractEditLink, ContractPayment } from "../components/ContractPayment.tsx";
import { ContractObligations } from "../components/ContractObligations.tsx";
import { ContractPerformance } from "../components/ContractPerformance.tsx";
import { ContractExit } from "../components/ContractExit.tsx";
import { ContractSavings } from "../components/ContractSavings.tsx";
import { ContractVariations } from "../components/ContractVariations.tsx";
import { DecideLink } from "../components/DecideLink.tsx";
import { DemoMark } from "../components/DemoBadge.tsx";
import { Facts } from "../components/Facts.tsx";
import { Money } from "../components/Money.tsx";
import { Notices } from "../components/Notices.tsx";
import { ReportButton } from "../components/ReportButton.tsx";
import { SourceNote } from "../components/Source.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Timeline } from "../components/Timeline.tsx";
import { formatDate } from "../format.ts";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

export function ContractPage({ id }: { id: string }) {
  const { data, error, loading } = useApi(async () => {
    const [contract, services] = await Promise.all([api.contract(id), api.services()]);
    return { contract, services };
  }, `contract:${id}`);
  const c = data?.contract;
  usePageTitle(c ? c.title : "Contract");

  if (error) return <ErrorPanel error={error} />;
  if (loading && !c) return <Loading what="Loading the contract" />;
  if (!c) return null;

  const serviceNames = new Map((data?.services ?? []).map((s) => [s.id, s.name]));

  const d = c.demoFields;
  const text = (field: keyof typeof c & string, value: string | null) => (
    <>
      {value || "—"} {value ? <DemoMark demoFields={d} field={field} /> : null}
    </>
  );
  const date = (field: "awardedOn" | "startDate" | "endDate" | "maxEndDate") => (
    <>
      {formatDate(c[field])} {c[field] ? <DemoMark demoFields={d} field={field} /> : null}
    </>
  );

  return (
    <>
      <p className="breadcrumb">
        <Link to="/contracts">Contract register</Link>
      </p>
      <h1>
        {c.title} <DemoMark demoFields={d} field="title" /> <UnpublishedTag published={c.published} />
      </h1>
      {c.description ? <p className="lead">{c.description}</p> : null}
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">Facts</h2>
        <Facts
          label="Contract facts"
          facts={[
            { label: "Supplier", value: text("supplier", c.supplier) },
            { label: "Buyer", value: text("buyer", c.buyer) },
            { label: "Status", value: c.status },
            { label: "Open Contracting ID", value: c.ocid ? <code>{c.ocid}</code> : "—" },
            {
              label: "Services",
              value:
                c.serviceIds.length === 0
                  ? "—"
                  : c.serviceIds.map((sid, i) => (
                      <span key={sid}>
                        {i > 0 ? ", " : ""}
                        <Link to={`/services/${encodeURIComponent(sid)}`}>
                          {serviceNames.get(sid) ?? sid}
                        </Link>
                      </span>
                    )),
            },
          ]}
        />
      </section>
      <section aria-labelledby="money-heading">
        <h2 id="money-heading">Value and savings</h2>
        <Facts
          label="Value and savings"
          facts={[
            {
              label: "Contract value",
              value: <Money pence={c.valuePence} full demoFields={d} field="valuePence" />,
            },
            {
              label: "Savings claimed",
              value: <Money pence={c.savingsClaimedPence} full demoFields={d} field="savingsClaimedPence" />,
            },
          ]}
        />
      </section>
      <section aria-labelledby="term-heading">
        <h2 id="term-heading">Term</h2>
        <Facts
          label="Contract term"
          facts={[
            { label: "Awarded", value: date("awardedOn") },
            { label: "Start", value: date("startDate") },
            { label: "End", value: date("endDate") },
            { label: "Latest possible end (with extensions)", value: date("maxEndDate") },
          ]}
        />
      </section>
      <ContractEditLink contractId={c.id} />
      <ContractDates contractId={c.id} />
      <ContractPayment contractId={c.id} />
      <DecideLink contractIds={[c.id]} />
      <ReportButton contract={c.id} />
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Decisions</h2>
        <Timeline decisions={c.decisions} linkTo="service" names={serviceNames} />
      </section>
      <ContractPerformance contractId={c.id} />
      <ContractObligations contractId={c.id} />
      <BillingTotals contractId={c.id} />
      <ContractSavings contractId={c.id} />
      <ContractVariations contractId={c.id} />
      <ContractExit contractId={c.id} />
      <Notices
        contractId={c.id}
        contract={{ id: c.id, valuePence: c.valuePence, startDate: c.startDate, endDate: c.endDate }}
      />
      <SourceNote sources={[c.source, ...c.decisions.map((x) => x.source)]} />
    </>
  );
}
