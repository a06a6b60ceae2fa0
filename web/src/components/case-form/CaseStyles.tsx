/** Styles of the appraisal case form, scoped by the `case-` prefix (rendered once per page). */
const CSS = `
.case-section { margin: 1.5rem 0; }
.case-row { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-end; }
.case-row > .form__group { margin-bottom: 0.75rem; min-width: 0; max-width: 100%; }
.case-row input, .case-row select { max-width: 16rem; }
.case-form select { font: inherit; padding: 0.3rem 0.4rem; border: 2px solid var(--text); max-width: 100%; }
.case-grid-wrap { overflow-x: auto; max-width: 100%; border: 1px solid var(--border); }
.case-grid { border-collapse: collapse; font-size: 0.9rem; }
.case-grid th, .case-grid td { padding: 0.2rem 0.3rem; border-bottom: 1px solid var(--border-light); text-align: left; vertical-align: middle; }
.case-grid input, .case-grid select { font: inherit; padding: 0.2rem 0.3rem; border: 2px solid var(--text); }
.case-grid input.case-cell { width: 7.5rem; text-align: right; }
.case-grid input.case-label { width: 8rem; }
.case-grid [aria-invalid="true"] { border-color: var(--red); background: #fff4f4; }
.case-problems { border-left: 4px solid var(--red); padding: 0.5rem 1rem; margin: 1rem 0; }
.case-problems ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
.case-result { border: 2px solid var(--text); padding: 0.75rem 1rem; margin: 1rem 0; }
.case-result table { margin: 0.5rem 0; }
.case-result__headline { font-size: 1.1rem; margin: 0.25rem 0; }
.case-actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0.5rem 0; }
.case-compare td, .case-compare th { vertical-align: top; }
.case-change--worse { color: var(--red); }
.case-change--better { color: var(--green); }
`;

export function CaseStyles() {
  return <style>{CSS}</style>;
}
