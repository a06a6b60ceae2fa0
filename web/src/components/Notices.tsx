/**
 * A contract's Procurement Act 2023 notices: which nous can produce now from what it stores
 * (and, for the others, why not), each notice's OCDS JSON, and a publish button for the roles
 * that may publish (admin, commercial, contract manager), who also get the forms that record
 * what the notices are built from.
 */
import { useState } from "react";
import { publishNotice } from "../../../src/contract/ocds.ts";
import { RATING_WORDS } from "../../../src/manage/rating.ts";
import { ApiError } from "../api.ts";
import { type ContractEvents, type NoticeStatus, ocdsApi } from "../api-ocds.ts";
import { useAuth } from "../auth.tsx";
import { formatDate } from "../format.ts";
import { useApi, useInvalidate } from "../useApi.ts";
import { type ContractBasics, ContractManage } from "./ContractManage.tsx";
import { DemoBadge } from "./DemoBadge.tsx";
import { Money } from "./Money.tsx";
import { OcdsStyles } from "./OcdsStyles.tsx";
import { ErrorPanel, Loading } from "./Status.tsx";
import { Table } from "./Table.tsx";

// Who may publish notices and record contract events: the roles the operations declare.
const PUBLISHERS: readonly string[] = publishNotice.roles;

function NoticeItem({
  contractId,
  n,
  canPublish,
  onPublished,
}: {
  contractId: string;
  n: NoticeStatus;
  canPublish: boolean;
  onPublished: () => void;
}) {
  const [json, setJson] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const view = async () => {
    if (json !== null) return setJson(null);
    try {
      setJson(JSON.stringify(await ocdsApi.notice(contractId, n.type), null, 2));
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  const publish = async () => {
    setBusy(true);
    try {
      const r = await ocdsApi.publish(
        contractId,
        n.type,
        `${n.type} ${n.name.toLowerCase()} published from the dashboard`,
      );
      setMessage({
        ok: true,
        text: r.inserted
          ? `${n.type} published: it is now in the open data export.`
          : `${n.type} was already published.`,
      });
      onPublished();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <li
      className={`ocds-notice ${n.producible ? "ocds-notice--ok" : "ocds-notice--no"}`}
      data-notice={n.type}
    >
      <div className="ocds-notice__head">
        <span className="ocds-notice__type">{n.type}</span>
        <span>{n.name}</span>
        <span className="muted">
          {n.producible ? (n.published ? "published" : "can be produced") : "cannot be produced yet"}
        </span>
      </div>
      <p className="ocds-notice__reason">{n.reason}</p>
      {n.producible ? (
        <div className="ocds-notice__actions">
          <button type="button" className="button" onClick={view} aria-expanded={json !== null}>
            {json === null ? `View ${n.type} JSON` : `Hide ${n.type} JSON`}
          </button>
          {canPublish && !n.published ? (
            <button type="button" className="button" onClick={publish} disabled={busy}>
              Publish {n.type}
            </button>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p className={message.ok ? "ocds-ok" : "ocds-error"} role="status">
          {message.text}
        </p>
      ) : null}
      {json !== null ? (
        <pre className="ocds-json" data-json={n.type}>
          {json}
        </pre>
      ) : null}
    </li>
  );
}

/** What nous holds for the notices: KPIs with their latest rating, changes, termination. */
function Held({ ev }: { ev: ContractEvents }) {
  if (!ev.kpis.length && !ev.changes.length && !ev.termination) return null;
  const latest = new Map<string, ContractEvents["ratings"][number]>();
  for (const r of ev.ratings) latest.set(r.kpiId, r);
  return (
    <>
      {ev.kpis.length ? (
        <Table
          caption="Key performance indicators and their latest rating"
          columns={[
            {
              key: "kpi",
              header: "KPI",
              cell: (k) => (
                <>
                  {k.title} {k.demo ? <DemoBadge /> : null}
                </>
              ),
            },
            { key: "target", header: "Target", cell: (k) => k.target || "—" },
            {
              key: "rating",
              header: "Latest rating",
              cell: (k) => {
                const r = latest.get(k.id);
                return r ? `${RATING_WORDS[r.rating].text} (to ${formatDate(r.periodEnd)})` : "not rated";
              },
            },
          ]}
          rows={ev.kpis}
          rowKey={(k) => k.id}
        />
      ) : null}
      {ev.changes.length ? (
        <Table
          caption="Contract changes"
          columns={[
            { key: "on", header: "Date", cell: (c) => formatDate(c.changedOn) },
            {
              key: "what",
              header: "Change",
              cell: (c) => (
                <>
                  {c.description} {c.demo ? <DemoBadge /> : null}
                </>
              ),
            },
            {
              key: "value",
              header: "Value before → after",
              cell: (c) => (
                <>
                  <Money pence={c.valueBeforePence} /> → <Money pence={c.valueAfterPence} />
                </>
              ),
            },
            {
              key: "end",
              header: "End before → after",
              cell: (c) => `${formatDate(c.endBefore)} → ${formatDate(c.endAfter)}`,
            },
            {
              key: "notice",
              header: "UK10 required?",
              cell: (c) => (c.noticeRequired ? `yes: ${c.noticeReasons.join("; ")}` : "no"),
            },
          ]}
          rows={ev.changes}
          rowKey={(c) => c.id}
        />
      ) : null}
    </>
  );
}

export function Notices({ contractId, contract }: { contractId: string; contract?: ContractBasics }) {
  const { me } = useAuth();
  const invalidate = useInvalidate();
  const reload = () => {
    void invalidate(`notices:${contractId}`);
    void invalidate(`contract-events:${contractId}`);
  };
  const { data, error, loading } = useApi(() => ocdsApi.notices(contractId), `notices:${contractId}`);
  const events = useApi(() => ocdsApi.events(contractId), `contract-events:${contractId}`);
  const canManage = PUBLISHERS.includes(me.role);
  return (
    <section aria-labelledby="notices-heading">
      <OcdsStyles />
      <h2 id="notices-heading">Procurement Act notices</h2>
      <p className="muted">
        The notices of the Procurement Act 2023 that nous can produce as OCDS releases from what it holds on
        this contract, and what is missing for the others.
      </p>
      {events.data ? <Held ev={events.data} /> : null}
      {error ? <ErrorPanel error={error} /> : null}
      {loading && !data ? <Loading what="Loading the notices" /> : null}
      {data ? (
        <ul className="ocds-notices">
          {data.map((n) => (
            <NoticeItem
              key={n.type}
              contractId={contractId}
              n={n}
              canPublish={canManage}
              onPublished={reload}
            />
          ))}
        </ul>
      ) : null}
      {canManage && contract && events.data ? (
        <ContractManage contract={contract} events={events.data} onSaved={reload} />
      ) : null}
    </section>
  );
}
