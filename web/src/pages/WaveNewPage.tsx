/**
 * `/waves/new` (commercial side): add a market-testing wave (its name, when it starts and ends,
 * what it covers); services join it from their own form. Checked as you type; what was typed is
 * kept when the server refuses it.
 */
import { type FormEvent, useState } from "react";
import { createWave } from "../../../src/contract/records.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { Link, navigate } from "../router.tsx";
import { slugOf } from "./contract-model.ts";
import { usePageTitle } from "./title.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function waveProblem(w: {
  name: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}): string | null {
  if (!w.name.trim()) return "Give the wave a name, such as “Market test 2016”.";
  if (!slugOf(w.name)) return "The name needs a letter or a digit to make the wave's reference from.";
  if (!DATE.test(w.startsOn)) return "The start date is a date such as 2016-04-01.";
  if (w.endsOn && !DATE.test(w.endsOn)) return "The end date is a date such as 2017-03-31.";
  if (w.endsOn && w.endsOn < w.startsOn) return "The wave ends before it starts.";
  if (!w.reason.trim()) return "Say why the wave is added: the audit trail keeps it.";
  return null;
}

export function WaveNewPage() {
  usePageTitle("Add a wave");
  const { me } = useAuth();
  const [w, setW] = useState({ name: "", startsOn: "", endsOn: "", description: "", reason: "" });
  const s = useSave();
  if (!isStaff(me) || !["admin", "commercial"].includes(me.role))
    return (
      <div className="error-panel" role="alert">
        <p>Only the commercial side adds market-testing waves.</p>
      </div>
    );
  const set = (k: keyof typeof w) => (v: string) => setW((old) => ({ ...old, [k]: v }));
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const saved = await s.run(
      () => waveProblem(w),
      async () => {
        const made = await call(createWave, {
          body: {
            id: slugOf(w.name),
            name: w.name.trim(),
            startsOn: w.startsOn,
            endsOn: w.endsOn || null,
            description: w.description.trim(),
            reason: w.reason.trim(),
          },
        });
        return `Wave ${made.name} added.`;
      },
    );
    if (saved) navigate("/");
  };
  return (
    <>
      <p>
        <Link to="/">Pipeline</Link>
      </p>
      <h1>Add a market-testing wave</h1>
      <form className="form" aria-label="Add a wave" onSubmit={submit} noValidate>
        <TextField id="wave-name" label="Name" value={w.name} onChange={set("name")} />
        <TextField
          id="wave-starts"
          label="Starts on"
          type="date"
          value={w.startsOn}
          onChange={set("startsOn")}
        />
        <TextField
          id="wave-ends"
          label="Ends on"
          type="date"
          value={w.endsOn}
          onChange={set("endsOn")}
          hint="Leave empty while the wave is open."
        />
        <Field id="wave-description" label="What it covers">
          <textarea
            id="wave-description"
            rows={3}
            value={w.description}
            onChange={(e) => set("description")(e.target.value)}
          />
        </Field>
        <ReasonField prefix="wave" reason={w.reason} setReason={set("reason")} />
        <Outcome prefix="wave" error={s.error} done={s.done} />
        <SaveButton busy={s.busy} label="Add wave" />
      </form>
    </>
  );
}
