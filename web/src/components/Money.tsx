/** Money from integer pence: short (£234.5m) or full (£234,500,000), with its demo badge. */
import { moneyFull, moneyShort } from "../format.ts";
import { DemoMark } from "./DemoBadge.tsx";

interface MoneyProps {
  pence: number | null | undefined;
  full?: boolean;
  /** The record's demoFields and the field name, to mark an invented value. */
  demoFields?: readonly string[];
  field?: string;
}

export function Money({ pence, full = false, demoFields, field }: MoneyProps) {
  if (pence === null || pence === undefined) return <span className="muted">not recorded</span>;
  const text = full ? moneyFull(pence) : moneyShort(pence);
  return (
    <>
      <data className="money" value={String(pence)} title={full ? undefined : moneyFull(pence)}>
        {text}
      </data>
      {demoFields && field ? (
        <>
          {" "}
          <DemoMark demoFields={demoFields} field={field} />
        </>
      ) : null}
    </>
  );
}
