/** Styles of the OCDS pages and the notices section, scoped by the `ocds-` prefix. */
const CSS = `
.ocds-notices { list-style: none; padding: 0; margin: 0.5rem 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; }
.ocds-notice { min-width: 0; border: 1px solid var(--border); border-left: 5px solid var(--muted); padding: 0.5rem 0.75rem; }
.ocds-notice--ok { border-left-color: var(--green); }
.ocds-notice--no { border-left-color: #b1b4b6; }
.ocds-notice__head { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: baseline; }
.ocds-notice__type { font-weight: 700; min-width: 3rem; }
.ocds-notice__reason { margin: 0.25rem 0; }
.ocds-notice__actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.ocds-json { max-height: 28rem; overflow: auto; background: var(--bg-alt); padding: 0.75rem; font-size: 0.8rem; border: 1px solid var(--border); }
.ocds-check { border: 1px solid var(--border); border-left: 5px solid var(--green); padding: 0.5rem 1rem; margin: 0.75rem 0; }
.ocds-check--failed { border-left-color: var(--red); }
.ocds-check h3 { margin: 0.25rem 0; }
.ocds-share { display: inline-block; height: 0.7rem; background: #1d70b8; vertical-align: middle; margin-right: 0.4rem; }
.ocds-form { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-end; margin: 1rem 0; padding: 0.75rem 1rem; background: var(--bg-alt); }
.ocds-form label { display: block; font-weight: 700; font-size: 0.9rem; }
.ocds-form > * { min-width: 0; max-width: 100%; }
.ocds-form input { font: inherit; padding: 0.3rem 0.4rem; border: 2px solid var(--text); max-width: 100%; }
.ocds-ok { padding: 0.5rem 1rem; border-left: 5px solid var(--green); background: #eef7f1; }
.ocds-error { padding: 0.5rem 1rem; border-left: 5px solid var(--red); background: #fcefed; white-space: pre-wrap; }
`;

export function OcdsStyles() {
  return <style>{CSS}</style>;
}
