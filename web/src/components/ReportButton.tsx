/**
 * A link that downloads the scrutiny report (one self-contained HTML file) of the body, a service
 * or a contract, for signed-in staff; nothing for the public (the report reads unpublished records).
 * The PDF is made by `nous report scrutiny --format pdf`.
 */
import { isStaff, useAuth } from "../auth.tsx";
import { operationUrl } from "../client.ts";
import { getScrutinyReport } from "../../../src/contract/report.ts";

export function ReportButton({ service, contract }: { service?: string; contract?: string }) {
  const { me } = useAuth();
  if (!isStaff(me)) return null;
  const query = {
    format: "html" as const,
    ...(service ? { service } : {}),
    ...(contract ? { contract } : {}),
  };
  const what = contract ? "this contract" : service ? "this service" : "the whole body";
  return (
    <p className="report-button">
      <a className="button" href={operationUrl(getScrutinyReport, { query })} download data-report-download>
        Download the scrutiny report of {what} (HTML)
      </a>
    </p>
  );
}
