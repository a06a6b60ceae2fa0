/**
 * What changed between two versions of a delivery model assessment, and what it did to the
 * result: each changed input in words a reader follows (an option added or dropped, its model,
 * how it would come back in-house; a criterion's name, kind or weight; a score or its evidence),
 * then each option's weighted score before and after, whether the recommended model moved, and
 * which of the engine's findings the change raised or cleared. Pure: the two assessments and
 * their engine results are given.
 */
import { penceToDecimal } from "../../shared/money.ts";
import type { Finding } from "../finding.ts";
import type { DmaResult } from "./recommend.ts";
import type { DeliveryModelAssessment, DmaCriterion, DmaOption, ReturnInHouse } from "./types.ts";

export interface DmaChange {
  /** Where, in words: `Option "Shared service": cost of coming back in-house`. */
  where: string;
  before: string | null;
  after: string | null;
}

export interface DmaComparison {
  changes: DmaChange[];
  /** Each option's weighted score on the scoring scale, before and after (null where absent). */
  weighted: Array<{ option: string; before: number | null; after: number | null; change: number | null }>;
  recommended: { before: string | null; after: string | null; changed: boolean };
  /** Findings in the later version that the earlier did not have, and the reverse. */
  findings: { raised: Finding[]; cleared: Finding[] };
}

const text = (v: string | number | undefined | null): string | null =>
  v === undefined || v === null ? null : String(v);
const pounds = (p: number | undefined): string | null => (p === undefined ? null : `£${penceToDecimal(p)}`);

const RETURN_FIELDS: Array<{
  key: keyof ReturnInHouse;
  label: string;
  say: (r: ReturnInHouse) => string | null;
}> = [
  { key: "cost", label: "cost of coming back in-house", say: (r) => pounds(r.cost) },
  { key: "timeMonths", label: "months to come back in-house", say: (r) => text(r.timeMonths) },
  { key: "assets", label: "assets to bring back", say: (r) => text(r.assets) },
  { key: "people", label: "people", say: (r) => text(r.people) },
];

function push(out: DmaChange[], where: string, before: string | null, after: string | null): void {
  if (before !== after) out.push({ where, before, after });
}

function optionChanges(name: string, a: DmaOption | undefined, b: DmaOption | undefined): DmaChange[] {
  const out: DmaChange[] = [];
  if (!a || !b) {
    push(out, `Option "${name}"`, a ? `${a.type}` : null, b ? `${b.type}` : null);
    return out;
  }
  push(out, `Option "${name}": name`, text(a.name), text(b.name));
  push(out, `Option "${name}": model`, a.type, b.type);
  for (const f of RETURN_FIELDS)
    push(out, `Option "${name}": ${f.label}`, f.say(a.returnInHouse ?? {}), f.say(b.returnInHouse ?? {}));
  return out;
}

function criterionChanges(
  name: string,
  a: DmaCriterion | undefined,
  b: DmaCriterion | undefined,
): DmaChange[] {
  const out: DmaChange[] = [];
  const say = (c: DmaCriterion) => `${c.kind}, weight ${c.weight}`;
  if (!a || !b) {
    push(out, `Criterion "${name}"`, a ? say(a) : null, b ? say(b) : null);
    return out;
  }
  push(out, `Criterion "${name}": name`, a.name, b.name);
  push(out, `Criterion "${name}": kind`, a.kind, b.kind);
  push(out, `Criterion "${name}": weight`, String(a.weight), String(b.weight));
  return out;
}

/** Ids in first-seen order across both lists (the later version's order first). */
function ids<T extends { id: string }>(a: T[], b: T[]): string[] {
  return [...new Set([...b.map((x) => x.id), ...a.map((x) => x.id)])];
}

const findingKey = (f: Finding) => `${f.code}\u0000${f.path}\u0000${f.message}`;

export function compareDmas(
  before: { dma: DeliveryModelAssessment; result: DmaResult },
  after: { dma: DeliveryModelAssessment; result: DmaResult },
): DmaComparison {
  const a = before.dma;
  const b = after.dma;
  const changes: DmaChange[] = [];
  push(changes, "Service", a.service, b.service);
  push(changes, "Highest score", String(a.maxScore ?? 5), String(b.maxScore ?? 5));

  const optA = new Map(a.options.map((o) => [o.id, o]));
  const optB = new Map(b.options.map((o) => [o.id, o]));
  const optionName = (id: string) => optB.get(id)?.name ?? optA.get(id)?.name ?? id;
  const optionIds = ids(a.options, b.options);
  for (const id of optionIds) changes.push(...optionChanges(optionName(id), optA.get(id), optB.get(id)));

  const critA = new Map(a.criteria.map((c) => [c.id, c]));
  const critB = new Map(b.criteria.map((c) => [c.id, c]));
  const criterionName = (id: string) => critB.get(id)?.name || critA.get(id)?.name || id;
  const criterionIds = ids(a.criteria, b.criteria);
  for (const id of criterionIds)
    changes.push(...criterionChanges(criterionName(id), critA.get(id), critB.get(id)));

  const scoreKey = (o: string, c: string) => `${o}\u0000${c}`;
  const scA = new Map(a.scores.map((s) => [scoreKey(s.option, s.criterion), s]));
  const scB = new Map(b.scores.map((s) => [scoreKey(s.option, s.criterion), s]));
  for (const o of optionIds)
    for (const c of criterionIds) {
      const k = scoreKey(o, c);
      const x = scA.get(k);
      const y = scB.get(k);
      const where = `Option "${optionName(o)}" on "${criterionName(c)}"`;
      push(changes, `${where}: score`, text(x?.score), text(y?.score));
      push(changes, `${where}: evidence`, text(x?.evidence), text(y?.evidence));
    }

  const wA = new Map(before.result.ranking.map((r) => [r.id, r.weighted]));
  const wB = new Map(after.result.ranking.map((r) => [r.id, r.weighted]));
  const weighted = optionIds.map((option) => {
    const x = wA.get(option) ?? null;
    const y = wB.get(option) ?? null;
    return { option, before: x, after: y, change: x !== null && y !== null ? y - x : null };
  });

  const fA = new Set(before.result.findings.map(findingKey));
  const fB = new Set(after.result.findings.map(findingKey));
  return {
    changes,
    weighted,
    recommended: {
      before: before.result.recommended,
      after: after.result.recommended,
      changed: before.result.recommended !== after.result.recommended,
    },
    findings: {
      raised: after.result.findings.filter((f) => !fA.has(findingKey(f))),
      cleared: before.result.findings.filter((f) => !fB.has(findingKey(f))),
    },
  };
}
