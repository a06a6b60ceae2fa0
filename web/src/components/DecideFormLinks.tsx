/**
 * The deal page's "Change in a form" list: each of the deal's documents linked to the form that
 * changes it (case, payment profile, DMA, workforce plan, capability), for the roles that may.
 */
import type { Me } from "../api.ts";
import { canWriteKind, type Deal } from "../api-decide.ts";
import { Link } from "../router.tsx";

/** Where each kind of document is changed in a form. */
const FORM_OF: Record<Deal["documents"][number]["kind"], { path: (id: string) => string; what: string }> = {
  appraisal: { path: (id) => `/cases/${id}`, what: "the appraisal case" },
  horizon: { path: (id) => `/horizon/${id}/edit`, what: "the payment profile" },
  dma: { path: (id) => `/dma/${id}/edit`, what: "the delivery model assessment" },
  workforce: { path: (id) => `/workforce/${id}/edit`, what: "the workforce plan" },
  capability: { path: (id) => `/capability/${id}/edit`, what: "the capability self-assessment" },
};

/** Links to the forms that change this deal's documents, for those allowed to change each. */
export function DecideFormLinks({ documents, role }: { documents: Deal["documents"]; role: Me["role"] }) {
  const mine = documents.filter((d) => canWriteKind(role, d.kind));
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="forms-heading">
      <h2 id="forms-heading">Change in a form</h2>
      <ul>
        {mine.map((d) => (
          <li key={`${d.kind}:${d.id}`}>
            <Link to={FORM_OF[d.kind].path(encodeURIComponent(d.id))}>Change {FORM_OF[d.kind].what}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
