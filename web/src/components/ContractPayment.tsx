/**
 * A contract's payment mechanism on its page (staff only: the pricing basis and caps are
 * commercial terms), from GET /api/contracts/{id}/payment, and the link to the contract form
 * (/contracts/:id/edit) where the contract side records it with the owners and the term.
 */
import { getPaymentMechanism, putPaymentMechanism } from "../../../src/contract/manage-payment.ts";
import { INDEXATION_WORDS, PRICING_WORDS } from "../../../src/manage/payment-mechanism.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { formatDate } from "../format.ts";
import { bpToInput } from "../percent-input.ts";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { DemoBadge } from "./DemoBadge.tsx";
import { Facts } from "./Facts.tsx";
import { ErrorPanel } from "./Status.tsx";

/** For the contract side: where the owners, term and payment mechanism are changed. */
export function ContractEditLink({ contractId }: { contractId: string }) {
  const { me } = useAuth();
  if (!(putPaymentMechanism.roles as readonly string[]).includes(me.role)) return null;
  return (
    <p>
      <Link to={`/contracts/${encodeURIComponent(contractId)}/edit`}>
        Change the owners, term, options, break points and payment mechanism
      </Link>
    </p>
  );
}

export function ContractPayment({ contractId }: { contractId: string }) {
  const { me } = useAuth();
  const staff = isStaff(me);
  const { data, error } = useApi(
    staff ? () => call(getPaymentMechanism, { params: { id: contractId } }) : null,
    `contract-payment:${contractId}`,
  );
  if (!staff) return null;
  if (error) return <ErrorPanel error={error} />;
  if (!data) return null;
  const m = data.mechanism;
  return (
    <section aria-labelledby="payment-heading" data-testid="contract-payment">
      <h2 id="payment-heading">Payment mechanism</h2>
      {m ? (
        <>
          <Facts
            label="Payment mechanism"
            facts={[
              { label: "Pricing basis", value: PRICING_WORDS[m.pricingBasis] },
              ...(m.pricingBasis === "target-cost"
                ? [
                    {
                      label: "Pain/gain share (supplier's)",
                      value: `${bpToInput(m.painShareBp ?? 0)} of an overrun, ${bpToInput(m.gainShareBp ?? 0)} of an underrun`,
                    },
                  ]
                : []),
              { label: "Invoiced", value: m.invoicing.replace("-", " ") },
              { label: "Payment terms", value: `${m.paymentTermsDays} days` },
              {
                label: "Indexation",
                value:
                  m.indexation === "none"
                    ? "None"
                    : `${m.indexation === "fixed" ? `${bpToInput(m.indexationRateBp ?? 0)} a year` : INDEXATION_WORDS[m.indexation]}, next applied ${formatDate(m.indexationReviewOn)}`,
              },
              {
                label: "Service credit cap",
                value:
                  m.serviceCreditCapBp === null
                    ? "None set"
                    : `${bpToInput(m.serviceCreditCapBp)} of the monthly charge`,
              },
            ]}
          />
          {m.note ? <p>{m.note}</p> : null}
          {m.demo ? <DemoBadge /> : null}
        </>
      ) : (
        <p className="muted">No payment mechanism is recorded.</p>
      )}
    </section>
  );
}
