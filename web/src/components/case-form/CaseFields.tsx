/**
 * The boxes of the appraisal case form: what is decided and how it is discounted, the savings
 * target, the options with their optimism-bias category, the cash flows as a grid (one row per
 * option and category, one box per year), and the uncertain inputs with their distributions.
 * Every box has a label (visible, or named by its row and column for the grid's boxes); a box with
 * a problem is marked invalid and described by its message.
 */
import { OPTIMISM_BIAS_CATEGORIES } from "../../../../src/decide/appraisal/optimism-bias.ts";
import { Field } from "../Form.tsx";
import {
  CASHFLOW_CATEGORIES,
  type CaseState,
  DISTRIBUTION_PARAMS,
  DISTRIBUTION_TYPES,
  type DistributionType,
  ids,
  newKey,
  optionName,
  type Problem,
  type RowState,
} from "./model.ts";

type Set = (f: (s: CaseState) => CaseState) => void;

const words = (id: string) => id.replaceAll("-", " ");

/** The props that mark a box invalid and point at its message. */
function invalid(problems: Problem[], field: string) {
  const i = problems.findIndex((p) => p.field === field);
  return i < 0 ? {} : { "aria-invalid": true as const, "aria-describedby": `case-problem-${i}` };
}

export function CaseHead({ s, set, problems }: { s: CaseState; set: Set; problems: Problem[] }) {
  const v = (k: keyof CaseState) => (e: { target: { value: string } }) => set((x) => ({ ...x, [k]: e.target.value }));
  return (
    <section className="case-section" aria-labelledby="case-head-heading">
      <h2 id="case-head-heading">The decision</h2>
      <div className="case-row">
        <Field id="case-name" label="What is being decided">
          <input id="case-name" value={s.name} onChange={v("name")} {...invalid(problems, "case-name")} />
        </Field>
        <Field id="case-discounting" label="Discounting">
          <select id="case-discounting" value={s.discounting} onChange={v("discounting")}>
            <option value="green-book">Green Book (3.5%, falling in the long term)</option>
            <option value="fixed">A fixed rate</option>
          </select>
        </Field>
        {s.discounting === "fixed" ? (
          <Field id="case-rate" label="Discount rate (%)">
            <input id="case-rate" inputMode="decimal" value={s.rate} onChange={v("rate")} {...invalid(problems, "case-rate")} />
          </Field>
        ) : null}
      </div>
      <div className="case-row">
        <Field id="case-baseline" label="Baseline option" hint="Savings are measured against it (the status quo).">
          <select
            id="case-baseline"
            value={s.baseline}
            onChange={v("baseline")}
            aria-describedby="case-baseline-hint"
            {...invalid(problems, "case-baseline")}
          >
            <option value="">None</option>
            {s.options.map((o, i) =>
              o.id.trim() ? (
                <option key={o.key} value={o.id.trim()}>
                  {optionName(o, i)}
                </option>
              ) : null,
            )}
          </select>
        </Field>
        <Field id="case-target" label="Savings target (£)" hint="Over the whole period, e.g. £5m.">
          <input
            id="case-target"
            value={s.target}
            onChange={v("target")}
            aria-describedby="case-target-hint"
            {...invalid(problems, "case-target")}
          />
        </Field>
        <Field id="case-basis" label="Target measured in">
          <select id="case-basis" value={s.basis} onChange={v("basis")}>
            <option value="cash">Cash (undiscounted)</option>
            <option value="pv">Present value</option>
          </select>
        </Field>
      </div>
    </section>
  );
}

export function OptionsEditor({ s, set, problems }: { s: CaseState; set: Set; problems: Problem[] }) {
  const edit = (key: number, k: string, value: string) =>
    set((x) => ({ ...x, options: x.options.map((o) => (o.key === key ? { ...o, [k]: value } : o)) }));
  return (
    <section className="case-section" aria-labelledby="case-options-heading">
      <h2 id="case-options-heading">Options</h2>
      <p className="muted">Each way of delivering the service. The id is short, e.g. in-house, outsource.</p>
      {s.options.map((o, i) => (
        <fieldset key={o.key} className="case-row form__group" data-option={i + 1}>
          <legend>
            <strong>Option {i + 1}</strong>
          </legend>
          <Field id={ids.option(o, "id")} label="Option id">
            <input
              id={ids.option(o, "id")}
              value={o.id}
              onChange={(e) => edit(o.key, "id", e.target.value)}
              {...invalid(problems, ids.option(o, "id"))}
            />
          </Field>
          <Field id={ids.option(o, "name")} label="Option name">
            <input id={ids.option(o, "name")} value={o.name} onChange={(e) => edit(o.key, "name", e.target.value)} />
          </Field>
          <Field id={ids.option(o, "ob")} label="Optimism bias category">
            <select id={ids.option(o, "ob")} value={o.obCategory} onChange={(e) => edit(o.key, "obCategory", e.target.value)}>
              <option value="">None</option>
              {OPTIMISM_BIAS_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {words(c)}
                </option>
              ))}
            </select>
          </Field>
          {o.obCategory ? (
            <Field id={ids.option(o, "mitigation")} label="Mitigation (%)">
              <input
                id={ids.option(o, "mitigation")}
                inputMode="decimal"
                value={o.mitigation}
                onChange={(e) => edit(o.key, "mitigation", e.target.value)}
                {...invalid(problems, ids.option(o, "mitigation"))}
              />
            </Field>
          ) : null}
          {s.options.length > 1 ? (
            <button
              type="button"
              className="button"
              onClick={() =>
                set((x) => ({
                  ...x,
                  options: x.options.filter((p) => p.key !== o.key),
                  rows: x.rows.filter((r) => r.optionKey !== o.key),
                }))
              }
            >
              Remove option {i + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() =>
          set((x) => ({
            ...x,
            options: [...x.options, { key: newKey(), id: "", name: "", obCategory: "", mitigation: "" }],
          }))
        }
      >
        Add an option
      </button>
    </section>
  );
}

export function CashFlowGrid({ s, set, problems }: { s: CaseState; set: Set; problems: Problem[] }) {
  const years = Array.from({ length: s.years }, (_, y) => y);
  const edit = (key: number, f: (r: RowState) => RowState) =>
    set((x) => ({ ...x, rows: x.rows.map((r) => (r.key === key ? f(r) : r)) }));
  const optionOf = (r: RowState) => {
    const i = s.options.findIndex((o) => o.key === r.optionKey);
    return i < 0 ? "?" : optionName(s.options[i]!, i);
  };
  const addRow = () =>
    set((x) => ({
      ...x,
      rows: [
        ...x.rows,
        {
          key: newKey(),
          optionKey: x.options[x.options.length ? Math.min(x.rows.length, x.options.length - 1) : 0]?.key ?? 0,
          category: "opex",
          label: "",
          input: "",
          cells: Array(x.years).fill(""),
        },
      ],
    }));
  return (
    <section className="case-section" aria-labelledby="case-flows-heading">
      <h2 id="case-flows-heading">Cash flows by year</h2>
      <p className="muted" id="case-flows-hint">
        Pounds as you would write them (48,000,000, £1.2m, £250k). Costs are negative (-£1.2m), benefits
        positive. Year 0 is now and is not discounted. "Same every year" copies year 0 across the row.
      </p>
      <div className="case-row">
        <Field id="case-years" label="Years (columns)">
          <input
            id="case-years"
            type="number"
            min={1}
            max={61}
            value={s.years}
            onChange={(e) => {
              const n = Math.max(1, Math.min(61, Number(e.target.value) || 1));
              set((x) => ({ ...x, years: n, rows: x.rows.map((r) => ({ ...r, cells: Array.from({ length: n }, (_, y) => r.cells[y] ?? "") })) }));
            }}
          />
        </Field>
      </div>
      <section className="case-grid-wrap" aria-label="Cash flow grid">
        <table className="case-grid">
          <caption className="visually-hidden">Cash flows: one row per option and category, one column per year</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">Category</th>
              <th scope="col">Label</th>
              <th scope="col">Uncertain input</th>
              {years.map((y) => (
                <th scope="col" key={y}>
                  Year {y}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Row actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r, ri) => {
              const name = `Row ${ri + 1} (${optionOf(r)}, ${r.category})`;
              return (
                <tr key={r.key} data-row={ri + 1}>
                  <td>
                    <select
                      id={ids.row(r, "option")}
                      aria-label={`Row ${ri + 1} option`}
                      value={r.optionKey}
                      onChange={(e) => edit(r.key, (x) => ({ ...x, optionKey: Number(e.target.value) }))}
                    >
                      {s.options.map((o, i) => (
                        <option key={o.key} value={o.key}>
                          {optionName(o, i)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      id={ids.row(r, "category")}
                      aria-label={`Row ${ri + 1} category`}
                      value={r.category}
                      onChange={(e) => edit(r.key, (x) => ({ ...x, category: e.target.value as RowState["category"] }))}
                    >
                      {CASHFLOW_CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      className="case-label"
                      id={ids.row(r, "label")}
                      aria-label={`Row ${ri + 1} label`}
                      value={r.label}
                      onChange={(e) => edit(r.key, (x) => ({ ...x, label: e.target.value }))}
                    />
                  </td>
                  <td>
                    <select
                      id={ids.row(r, "input")}
                      aria-label={`Row ${ri + 1} uncertain input`}
                      value={r.input}
                      onChange={(e) => edit(r.key, (x) => ({ ...x, input: e.target.value }))}
                      {...invalid(problems, ids.row(r, "input"))}
                    >
                      <option value="">None</option>
                      {s.inputs.map((u) =>
                        u.id.trim() ? (
                          <option key={u.key} value={u.id.trim()}>
                            {u.label.trim() || u.id.trim()}
                          </option>
                        ) : null,
                      )}
                    </select>
                  </td>
                  {years.map((y) => (
                    <td key={y}>
                      <input
                        className="case-cell"
                        id={ids.cell(r, y)}
                        aria-label={`${name}, year ${y}`}
                        value={r.cells[y] ?? ""}
                        onChange={(e) =>
                          edit(r.key, (x) => {
                            const cells = [...x.cells];
                            cells[y] = e.target.value;
                            return { ...x, cells };
                          })
                        }
                        {...invalid(problems, ids.cell(r, y))}
                      />
                    </td>
                  ))}
                  <td>
                    <div className="case-actions">
                      <button
                        type="button"
                        className="button"
                        aria-label={`${name}: same every year`}
                        onClick={() => edit(r.key, (x) => ({ ...x, cells: x.cells.map(() => x.cells[0] ?? "") }))}
                      >
                        Same every year
                      </button>
                      <button
                        type="button"
                        className="button"
                        aria-label={`Remove row ${ri + 1}`}
                        onClick={() => set((x) => ({ ...x, rows: x.rows.filter((p) => p.key !== r.key) }))}
                      >
                        Remove
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <p>
        <button type="button" className="button" onClick={addRow}>
          Add a cash flow row
        </button>
      </p>
    </section>
  );
}

export function InputsEditor({ s, set, problems }: { s: CaseState; set: Set; problems: Problem[] }) {
  const edit = (key: number, f: (u: CaseState["inputs"][number]) => CaseState["inputs"][number]) =>
    set((x) => ({ ...x, inputs: x.inputs.map((u) => (u.key === key ? f(u) : u)) }));
  const v = (k: "iterations" | "seed") => (e: { target: { value: string } }) => set((x) => ({ ...x, [k]: e.target.value }));
  return (
    <section className="case-section" aria-labelledby="case-inputs-heading">
      <h2 id="case-inputs-heading">Uncertainty (Monte Carlo)</h2>
      <p className="muted">
        An uncertain input scales the cash flow rows linked to it: a factor around 1, e.g. a price between
        0.9 and 1.3 of the estimate, most likely 1.
      </p>
      {s.inputs.map((u, i) => (
        <fieldset key={u.key} className="case-row form__group">
          <legend>
            <strong>Uncertain input {i + 1}</strong>
          </legend>
          <Field id={ids.input(u, "id")} label="Input id">
            <input
              id={ids.input(u, "id")}
              value={u.id}
              onChange={(e) => edit(u.key, (x) => ({ ...x, id: e.target.value }))}
              {...invalid(problems, ids.input(u, "id"))}
            />
          </Field>
          <Field id={ids.input(u, "label")} label="Input label">
            <input id={ids.input(u, "label")} value={u.label} onChange={(e) => edit(u.key, (x) => ({ ...x, label: e.target.value }))} />
          </Field>
          <Field id={ids.input(u, "type")} label="Distribution">
            <select
              id={ids.input(u, "type")}
              value={u.type}
              onChange={(e) => edit(u.key, (x) => ({ ...x, type: e.target.value as DistributionType }))}
              {...invalid(problems, ids.input(u, "type"))}
            >
              {DISTRIBUTION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </Field>
          {DISTRIBUTION_PARAMS[u.type].map((p) => (
            <Field key={p} id={ids.input(u, p)} label={p === "sd" ? "Standard deviation" : p[0]!.toUpperCase() + p.slice(1)}>
              <input
                id={ids.input(u, p)}
                inputMode="decimal"
                value={u.params[p] ?? ""}
                onChange={(e) => edit(u.key, (x) => ({ ...x, params: { ...x.params, [p]: e.target.value } }))}
                {...invalid(problems, ids.input(u, p))}
              />
            </Field>
          ))}
          <button type="button" className="button" onClick={() => set((x) => ({ ...x, inputs: x.inputs.filter((w) => w.key !== u.key) }))}>
            Remove input {i + 1}
          </button>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button"
          onClick={() =>
            set((x) => ({
              ...x,
              inputs: [...x.inputs, { key: newKey(), id: "", label: "", type: "triangular", params: { min: "0.9", mode: "1", max: "1.2" } }],
            }))
          }
        >
          Add an uncertain input
        </button>
      </p>
      <div className="case-row">
        <Field id="case-iterations" label="Monte Carlo iterations">
          <input id="case-iterations" inputMode="numeric" value={s.iterations} onChange={v("iterations")} {...invalid(problems, "case-iterations")} />
        </Field>
        <Field id="case-seed" label="Monte Carlo seed">
          <input id="case-seed" inputMode="numeric" value={s.seed} onChange={v("seed")} {...invalid(problems, "case-seed")} />
        </Field>
      </div>
    </section>
  );
}
