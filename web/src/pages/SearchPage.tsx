/**
 * `/search?q=`: ranked results across services, contracts, suppliers, decisions, notices and
 * questions, each with its kind, a link to its page and the text around the matched words (the
 * words marked; the text is React text, never markup).
 */
import { type FormEvent, useEffect, useState } from "react";
import { type SearchHit, search } from "../../../src/contract/search.ts";
import { call } from "../client.ts";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Link, navigate, queryParam, useLocation } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

const KIND: Record<SearchHit["kind"], string> = {
  contract: "Contract",
  service: "Service",
  supplier: "Supplier",
  decision: "Decision",
  notice: "Notice",
  comment: "Question",
};

function subjectPath(subject: string | null): string | null {
  const m = subject ? /^(contract|service):(.+)$/.exec(subject) : null;
  return m ? `/${m[1]}s/${encodeURIComponent(m[2] ?? "")}` : null;
}

function HitLink({ hit }: { hit: SearchHit }) {
  switch (hit.kind) {
    case "contract":
      return <Link to={`/contracts/${encodeURIComponent(hit.id)}`}>{hit.title}</Link>;
    case "service":
      return <Link to={`/services/${encodeURIComponent(hit.id)}`}>{hit.title}</Link>;
    case "decision":
    case "comment": {
      const to = hit.kind === "comment" ? "/comments" : subjectPath(hit.subject);
      return to ? <Link to={to}>{hit.title}</Link> : <span>{hit.title}</span>;
    }
    case "notice":
      return <a href={`/api/ocds/releases?ocid=${encodeURIComponent(hit.subject ?? "")}`}>{hit.title}</a>;
    default:
      return <Link to="/contracts">{hit.title}</Link>;
  }
}

export function SearchPage() {
  const location = useLocation();
  const q = queryParam(location, "q") ?? "";
  usePageTitle(q ? `Search: ${q}` : "Search");
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const { data, error, loading } = useApi(
    q.trim() ? () => call(search, { query: { q } }) : null,
    `search:${q}`,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <>
      <h1>Search</h1>
      <search aria-label="Search the records">
        <form className="form" onSubmit={submit}>
          <div className="form__group">
            <label htmlFor="search-q">Words to find</label>
            <input
              id="search-q"
              type="search"
              value={text}
              maxLength={200}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="button">
            Search
          </button>
        </form>
      </search>
      {!q.trim() ? (
        <p>Type words to find in contracts, services, suppliers, decisions, notices and questions.</p>
      ) : error ? (
        <ErrorPanel error={error} />
      ) : loading || !data ? (
        <Loading what="Searching" />
      ) : (
        <section aria-labelledby="search-results">
          <h2 id="search-results">
            {data.results.length} result{data.results.length === 1 ? "" : "s"}
          </h2>
          {data.results.length === 0 ? (
            <p role="status">Nothing matches {data.terms.join(" ") || "that"}.</p>
          ) : (
            <ol className="search-results">
              {data.results.map((hit) => (
                <li key={`${hit.kind}:${hit.subject ?? ""}:${hit.id}`}>
                  <p>
                    <span className="muted">{KIND[hit.kind]}:</span> <HitLink hit={hit} />
                  </p>
                  <p>
                    {hit.snippet.map((part, i) =>
                      part.match ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence of one snippet
                        <mark key={i}>{part.text}</mark>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence of one snippet
                        <span key={i}>{part.text}</span>
                      ),
                    )}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
