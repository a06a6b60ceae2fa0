/**
 * The evidence behind one billing exception, laid out against the billed period: a timeline of
 * the subject's orders and tag events, custody, departures and death, the days the rule fired,
 * and the other billings of the same days; then the same facts as tables for reading and copying.
 */
import { dayNumber, isoDate } from "../../../src/shared/dates.ts";
import type { Evidence } from "../api-billing.ts";
import { formatDate } from "../format.ts";
import { Facts } from "./Facts.tsx";
import { Table } from "./Table.tsx";

const COLOURS = {
  billed: "#1d70b8",
  failing: "#d4351c",
  order: "#505a5f",
  monitored: "#00703c",
  custody: "#f47738",
  away: "#6f3c97",
  death: "#0b0c0c",
  earlier: "#912b88",
};

interface Row {
  label: string;
  bars: { from: number; to: number; colour: string; title: string }[];
  marks?: { day: number; colour: string; title: string }[];
}

function Chart({ ev }: { ev: Evidence }) {
  const a = dayNumber(ev.line.periodStart);
  const b = dayNumber(ev.line.periodEnd);
  const lo = a - 60;
  const hi = b + 30;
  const span = hi - lo + 1;
  const end = (d: string | null) => (d ? dayNumber(d) : hi);
  const pct = (d: number) => `${(100 * (Math.min(hi + 1, Math.max(lo, d)) - lo)) / span}%`;
  const width = (x: number, y: number) =>
    `${(100 * Math.max(0, Math.min(hi, y) - Math.max(lo, x) + 1)) / span}%`;
  const rows: Row[] = [
    {
      label: `Billed: ${ev.line.invoiceId} ${ev.line.lineId}`,
      bars: [
        {
          from: a,
          to: b,
          colour: COLOURS.billed,
          title: `billed ${ev.line.periodStart} to ${ev.line.periodEnd}`,
        },
        ...ev.days.map((d) => ({
          from: dayNumber(d.from),
          to: dayNumber(d.to),
          colour: COLOURS.failing,
          title: `${ev.rule} fires ${d.from} to ${d.to}`,
        })),
      ],
    },
  ];
  for (const o of ev.orders) {
    const starts = o.events.filter((e) => e.event === "start").map((e) => dayNumber(e.date));
    const stops = o.events.filter((e) => e.event === "stop").map((e) => dayNumber(e.date));
    rows.push({
      label: `Order ${o.orderId}`,
      bars: [
        {
          from: dayNumber(o.start),
          to: end(o.end),
          colour: COLOURS.order,
          title: `order ${o.start} to ${o.end ?? "open"}`,
        },
      ],
      marks: [
        ...starts.map((d) => ({ day: d, colour: COLOURS.monitored, title: `tag fitted ${isoDate(d)}` })),
        ...stops.map((d) => ({ day: d, colour: COLOURS.failing, title: `tag removed ${isoDate(d)}` })),
      ],
    });
  }
  if (ev.custody.length)
    rows.push({
      label: "Custody",
      bars: ev.custody.map((c) => ({
        from: dayNumber(c.from),
        to: end(c.to),
        colour: COLOURS.custody,
        title: `in custody ${c.from} to ${c.to ?? "now"}`,
      })),
    });
  if (ev.departures.length)
    rows.push({
      label: "Abroad",
      bars: ev.departures.map((d) => ({
        from: dayNumber(d.departure),
        to: d.return ? dayNumber(d.return) - 1 : hi,
        colour: COLOURS.away,
        title: `abroad from ${d.departure}${d.return ? `, back ${d.return}` : ""}`,
      })),
    });
  if (ev.dateOfDeath)
    rows.push({
      label: "Death",
      bars: [],
      marks: [{ day: dayNumber(ev.dateOfDeath), colour: COLOURS.death, title: `died ${ev.dateOfDeath}` }],
    });
  if (ev.earlierBillings.length)
    rows.push({
      label: "Same days billed before",
      bars: ev.earlierBillings.map((x) => ({
        from: dayNumber(x.from),
        to: dayNumber(x.to),
        colour: COLOURS.earlier,
        title: `${x.invoiceId} ${x.lineId}: ${x.from} to ${x.to}`,
      })),
    });
  return (
    <figure aria-label="Timeline of the registers against the billed period" style={{ margin: 0 }}>
      <div className="billing-chart" aria-hidden="true">
        <div
          style={{
            position: "absolute",
            top: 0,
            bottom: 0,
            left: pct(a),
            width: width(a, b),
            background: "rgba(29,112,184,0.08)",
          }}
        />
        {rows.map((r) => (
          <div className="billing-chart__row" key={r.label}>
            <span className="billing-chart__label">{r.label}</span>
            {r.bars
              .filter((x) => x.to >= lo && x.from <= hi)
              .map((x) => (
                <span
                  key={`${x.from}-${x.to}-${x.colour}`}
                  className="billing-chart__bar"
                  title={x.title}
                  style={{ left: pct(x.from), width: width(x.from, x.to), background: x.colour }}
                />
              ))}
            {(r.marks ?? [])
              .filter((m) => m.day >= lo && m.day <= hi)
              .map((m) => (
                <span
                  key={`${m.day}-${m.colour}`}
                  className="billing-chart__mark"
                  title={m.title}
                  style={{ left: pct(m.day), background: m.colour }}
                />
              ))}
          </div>
        ))}
      </div>
      <div className="billing-chart__axis" aria-hidden="true">
        <span>{formatDate(isoDate(lo))}</span>
        <span>
          billed {formatDate(ev.line.periodStart)} – {formatDate(ev.line.periodEnd)}
        </span>
        <span>{formatDate(isoDate(hi))}</span>
      </div>
      <ul className="billing-legend">
        <li>
          <i style={{ background: COLOURS.billed }} />
          billed days
        </li>
        <li>
          <i style={{ background: COLOURS.failing }} />
          days the rule fires / tag removed
        </li>
        <li>
          <i style={{ background: COLOURS.order }} />
          order
        </li>
        <li>
          <i style={{ background: COLOURS.monitored }} />
          tag fitted
        </li>
        <li>
          <i style={{ background: COLOURS.custody }} />
          custody
        </li>
        <li>
          <i style={{ background: COLOURS.away }} />
          abroad
        </li>
        <li>
          <i style={{ background: COLOURS.earlier }} />
          billed before
        </li>
      </ul>
      <figcaption className="muted">
        Two months before the billed period to a month after; every date is also listed below.
      </figcaption>
    </figure>
  );
}

export function BillingEvidence({ ev }: { ev: Evidence }) {
  const events = ev.orders.flatMap((o) =>
    o.events.map((e) => ({
      order: o.orderId,
      what: e.event === "start" ? "tag fitted" : "tag removed",
      date: e.date,
    })),
  );
  return (
    <>
      <Chart ev={ev} />
      <h3>The invoice line</h3>
      <Facts
        label="The invoice line"
        facts={[
          { label: "Invoice / line", value: `${ev.line.invoiceId} / ${ev.line.lineId}` },
          { label: "Subject", value: <code>{ev.line.subjectId}</code> },
          { label: "In the identity register", value: ev.registered ? "yes" : "no" },
          { label: "Order billed", value: <code>{ev.line.orderId}</code> },
          { label: "Service", value: ev.line.serviceCode },
          {
            label: "Billed period",
            value: `${formatDate(ev.line.periodStart)} to ${formatDate(ev.line.periodEnd)}`,
          },
          { label: "Line amount", value: `£${ev.line.amount}` },
          {
            label: "Days the rule fires",
            value: ev.days.map((d) => `${formatDate(d.from)} to ${formatDate(d.to)}`).join("; ") || "—",
          },
        ]}
      />
      <h3>Orders and tag events</h3>
      <Table
        caption="Orders of this subject for the service"
        rowKey={(o) => o.orderId}
        rows={ev.orders}
        empty="No order of this subject for the service."
        columns={[
          { key: "id", header: "Order", cell: (o) => <code>{o.orderId}</code> },
          { key: "s", header: "Start", cell: (o) => formatDate(o.start) },
          { key: "e", header: "End", cell: (o) => (o.end ? formatDate(o.end) : "open") },
        ]}
      />
      <Table
        caption="Tag events"
        rowKey={(e) => `${e.order}-${e.what}-${e.date}`}
        rows={events}
        empty="No tag was ever fitted under these orders."
        columns={[
          { key: "o", header: "Order", cell: (e) => <code>{e.order}</code> },
          { key: "w", header: "Event", cell: (e) => e.what },
          { key: "d", header: "Date", cell: (e) => formatDate(e.date) },
        ]}
      />
      <h3>Custody, departures and death</h3>
      <Facts
        label="Custody, departures and death"
        facts={[
          {
            label: "Custody",
            value:
              ev.custody
                .map((c) => `${formatDate(c.from)} to ${c.to ? formatDate(c.to) : "now"}`)
                .join("; ") || "none recorded",
          },
          {
            label: "Abroad",
            value:
              ev.departures
                .map(
                  (d) =>
                    `left ${formatDate(d.departure)}, ${d.return ? `back ${formatDate(d.return)}` : "not back"}`,
                )
                .join("; ") || "none recorded",
          },
          { label: "Date of death", value: ev.dateOfDeath ? formatDate(ev.dateOfDeath) : "none recorded" },
        ]}
      />
      <h3>Same days billed before, and the price</h3>
      <Table
        caption="Earlier billings of the same days"
        rowKey={(x) => `${x.invoiceId}-${x.lineId}`}
        rows={ev.earlierBillings}
        empty="No other line billed these days before this one."
        columns={[
          { key: "i", header: "Invoice", cell: (x) => x.invoiceId },
          { key: "l", header: "Line", cell: (x) => x.lineId },
          { key: "d", header: "Days", cell: (x) => `${formatDate(x.from)} to ${formatDate(x.to)}` },
        ]}
      />
      <Table
        caption="Contract price for the service"
        rowKey={(p) => p.from}
        rows={ev.prices}
        empty="No contract price covers the billed period."
        columns={[
          { key: "f", header: "From", cell: (p) => formatDate(p.from) },
          { key: "t", header: "To", cell: (p) => (p.to ? formatDate(p.to) : "open") },
          { key: "p", header: "Price per day", numeric: true, cell: (p) => `£${p.unitPrice}` },
        ]}
      />
    </>
  );
}
