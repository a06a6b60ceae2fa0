/** Names the public record behind a page's unmarked figures. */

export function SourceNote({ sources }: { sources: Array<string | null | undefined> }) {
  const unique = [...new Set(sources.filter((s): s is string => Boolean(s?.trim())))];
  if (unique.length === 0) return null;
  return (
    <aside className="source-note" aria-label="Sources">
      <h2 className="source-note__title">Source{unique.length > 1 ? "s" : ""}</h2>
      <ul>
        {unique.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <p className="muted">
        Figures without a <span className="demo-badge demo-badge--inline">demo figure</span> badge come from
        these public records.
      </p>
    </aside>
  );
}
