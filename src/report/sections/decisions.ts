/**
 * Decisions taken out of logical order and budget-driven decisions: the gate rules' flags
 * (src/decide/gates) on the register's decisions and on each subject's gate history.
 */
import type { ReportInput } from "../input.ts";
import { count, links, orNot } from "../format.ts";
import type { Block, Section, Source } from "../model.ts";

const OUT_OF_ORDER = "not the logical order";
const BUDGET = "budget-driven";

export function gateSource(g: { subject: { kind: "service" | "contract"; id: string } }): Source {
  return g.subject.kind === "contract"
    ? links.deal(g.subject.id, "Gate history")
    : links.service(g.subject.id);
}

export function decisionsSection(input: ReportInput): Section {
  const blocks: Block[] = [];
  const flagged = input.decisions.filter((d) => d.flags.length > 0);
  const events = input.gates.flatMap((g) =>
    g.history.events.filter((e) => e.flags.length > 0).map((e) => ({ g, e })),
  );
  const regOut = input.decisions.filter((d) => d.flags.includes(OUT_OF_ORDER)).length;
  const regBudget = input.decisions.filter((d) => d.flags.includes(BUDGET)).length;
  const gateOut = input.gates.reduce((a, g) => a + g.history.outOfOrder, 0);
  const gateBudget = input.gates.reduce((a, g) => a + g.history.budgetDriven, 0);
  if (input.decisions.length === 0 && input.gates.length === 0) {
    blocks.push({ kind: "notRecorded", what: "No decision and no gate history is recorded for this scope." });
    return { id: "decisions", title: "Decisions out of order and budget-driven", blocks };
  }
  blocks.push({
    kind: "figures",
    items: [
      { label: "Recorded decisions", value: count(input.decisions.length), source: links.pipeline() },
      { label: "Decisions not in the logical order", value: count(regOut), source: links.pipeline() },
      { label: "Budget-driven decisions", value: count(regBudget), source: links.pipeline() },
      {
        label: "Gate steps out of order / budget-driven",
        value: `${count(gateOut)} / ${count(gateBudget)}`,
        source: input.gates[0] ? gateSource(input.gates[0]) : links.pipeline(),
      },
    ],
  });
  if (flagged.length > 0) {
    blocks.push({
      kind: "table",
      caption: "Decisions the gate rules flag",
      columns: ["Date", "Decision", "Gate", "Flags", "Reason recorded", "Drivers"],
      rows: flagged.map((d) => [
        { text: d.decidedOn },
        { text: d.title, href: links.decisions(d, d.title).href },
        { text: d.gate },
        { text: d.flags.join("; ") },
        { text: orNot(d.outOfOrderReason) },
        { text: d.drivers.length ? d.drivers.join(", ") : "none recorded" },
      ]),
    });
  } else if (input.decisions.length > 0) {
    blocks.push({ kind: "paragraph", text: "No recorded decision is flagged by the gate rules." });
  }
  if (events.length > 0) {
    blocks.push({
      kind: "table",
      caption: "Gate steps the gate rules flag",
      columns: ["Date", "Subject", "Gate", "Step", "Flags", "Reason recorded", "Drivers"],
      rows: events.map(({ g, e }) => [
        { text: e.date },
        { text: g.subject.id, href: gateSource(g).href },
        { text: e.gate },
        { text: e.action },
        { text: e.flags.join("; ") },
        { text: orNot(e.reason) },
        { text: e.drivers.length ? e.drivers.join(", ") : "none recorded" },
      ]),
    });
  }
  return { id: "decisions", title: "Decisions out of order and budget-driven", blocks };
}
