/** `/audit` (staff): the most recent audit entries and whether the hash chain is intact. */
import { api, type AuditEntry, type AuditVerify } from "../api.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { AuditList } from "../components/AuditList.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Link, useLocation } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

interface AuditView {
  entries: AuditEntry[];
  verify: AuditVerify;
}

function AuditBody() {
  const { data, error, loading } = useApi<AuditView>(async () => {
    const [entries, verify] = await Promise.all([api.audit({ limit: 100 }), api.auditVerify()]);
    return { entries, verify };
  }, "audit");
  if (error) return <ErrorPanel error={error} />;
  if (loading && !data) return <Loading what="Loading the audit trail" />;
  if (!data) return null;
  const { verify } = data;
  return (
    <>
      {verify.ok ? (
        <p className="verify verify--ok" role="status">
          <span aria-hidden="true">✓ </span>Chain intact: {verify.entries.toLocaleString("en-GB")} entries
        </p>
      ) : (
        <div className="verify verify--broken" role="alert">
          <p>
            <strong>Chain broken.</strong> {verify.entries.toLocaleString("en-GB")} entries checked; an entry
            was changed or removed after it was written.
          </p>
          {verify.broken ? <pre>{JSON.stringify(verify.broken, null, 2)}</pre> : null}
        </div>
      )}
      <AuditList
        entries={data.entries}
        caption={`The ${data.entries.length} most recent entries, newest first`}
      />
    </>
  );
}

export function AuditPage() {
  usePageTitle("Audit trail");
  const { me, ready } = useAuth();
  const location = useLocation();
  return (
    <>
      <h1>Audit trail</h1>
      <p className="lead">
        Every change to the record, who made it and why. Each entry carries a hash of the one before, so a
        change made behind the system's back breaks the chain.
      </p>
      {!ready ? <Loading /> : null}
      {ready && !isStaff(me) ? (
        <div className="error-panel" role="alert">
          <h2>Staff only</h2>
          <p>
            The audit trail is open to staff and scrutineers.{" "}
            <Link to={`/login?next=${encodeURIComponent(location)}`}>Sign in</Link> to see it.
          </p>
        </div>
      ) : null}
      {ready && isStaff(me) ? <AuditBody /> : null}
    </>
  );
}
