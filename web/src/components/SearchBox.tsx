/**
 * The search box in the dashboard's header: a labelled search field that opens the search page
 * with the words typed (Enter or the button). Staff find every record, the public what is published.
 */
import { type FormEvent, useState } from "react";
import { navigate } from "../router.tsx";

const CSS = `
.header__search { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; max-width: 100%; }
.header__search input { min-width: 0; width: 12rem; max-width: 100%; padding: 0.35rem 0.5rem; border: 2px solid #fff; font: inherit; }
.search-results li { margin: 0.75rem 0; }
.search-results p { margin: 0.15rem 0; overflow-wrap: anywhere; }
`;

export function SearchBox() {
  const [q, setQ] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    navigate(text ? `/search?q=${encodeURIComponent(text)}` : "/search");
  };
  return (
    <search aria-label="Search records">
      <form className="header__search" onSubmit={submit}>
        <style>{CSS}</style>
        <label htmlFor="header-search" className="visually-hidden">
          Search contracts, services, suppliers, decisions, notices and questions
        </label>
        <input
          id="header-search"
          type="search"
          value={q}
          maxLength={200}
          placeholder="Search"
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="button button--header">
          Search
        </button>
      </form>
    </search>
  );
}
