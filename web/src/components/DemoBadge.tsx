/** Marks a value invented for the demo; unmarked values come from the public record. */
import { demoNote } from "../format.ts";

export function DemoBadge({ note = "invented for the demo" }: { note?: string }) {
  return (
    <span className="demo-badge" title={`Demo figure: ${note}`}>
      demo figure
    </span>
  );
}

/** A badge when `field` is listed in the record's demoFields, nothing otherwise. */
export function DemoMark({ demoFields, field }: { demoFields: readonly string[]; field: string }) {
  const note = demoNote(demoFields, field);
  return note ? <DemoBadge note={note} /> : null;
}
