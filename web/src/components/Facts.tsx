/** A list of labelled facts about one record (a description list). */
import type { ReactNode } from "react";

export interface Fact {
  label: string;
  value: ReactNode;
}

export function Facts({ facts, label }: { facts: Fact[]; label?: string }) {
  return (
    <dl className="facts" aria-label={label}>
      {facts.map((f) => (
        <div className="fact" key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
