/**
 * A pointer from a service or contract page to the appraisal of its deal, when one is held:
 * options, the risk of missing the savings, the horizon, the workforce and the gate history.
 */
import { decideApi } from "../api-decide.ts";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";

export function DecideLink({ serviceId, contractIds }: { serviceId?: string; contractIds: string[] }) {
  const { data } = useApi(() => decideApi.appraisals(), "appraisals");
  const match = (data ?? []).find(
    (a) =>
      (a.contractId !== null && contractIds.includes(a.contractId)) ||
      (serviceId !== undefined && a.serviceId === serviceId),
  );
  if (!match) return null;
  const dealId = match.contractId ?? contractIds[0];
  // A case about a service with no contract yet opens on its own.
  const to = dealId
    ? `/appraisals/${encodeURIComponent(dealId)}`
    : `/appraisals/${encodeURIComponent(match.id)}?view=case`;
  return (
    <p className="callout">
      <Link to={to}>
        Appraisal of this deal: options, risk of missing the savings, accountability horizon, workforce and
        gates
      </Link>
    </p>
  );
}
