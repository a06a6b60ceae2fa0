/** The page frame: skip link, header with the account, navigation, the demo legend, the page, footer; each a landmark. */
import { Suspense, useEffect, useRef } from "react";
import { ROLE_LABELS, isStaff, useAuth } from "./auth.tsx";
import { DemoBadge } from "./components/DemoBadge.tsx";
import { SearchBox } from "./components/SearchBox.tsx";
import { Loading } from "./components/Status.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { Link, matchPath, navigate, useLocation } from "./router.tsx";
import { type RouteDef, routes } from "./routes.tsx";

function resolve(location: string): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.path, location);
    if (params) return { route, params };
  }
  return null;
}

function Account() {
  const { me, ready, logout } = useAuth();
  const location = useLocation();
  if (!ready) return null;
  if (!isStaff(me)) {
    if (location.startsWith("/login")) return null;
    return (
      <Link className="header__signin" to={`/login?next=${encodeURIComponent(location)}`}>
        Sign in
      </Link>
    );
  }
  return (
    <div className="header__account">
      <span>
        Signed in as{" "}
        <Link to="/account" className="header__signin" title="Your account: password and API tokens">
          <strong>{me.displayName}</strong>
        </Link>{" "}
        <span className="role">({ROLE_LABELS[me.role]})</span>
      </span>
      <button
        type="button"
        className="button button--header"
        onClick={async () => {
          await logout();
          if (location.startsWith("/audit")) navigate("/");
        }}
      >
        Sign out
      </button>
    </div>
  );
}

export function App() {
  const location = useLocation();
  const { me, ready } = useAuth();
  const found = resolve(location);
  const section = found ? (found.route.section ?? found.route.path) : "";
  const mainRef = useRef<HTMLElement>(null);
  const shown = useRef(location);

  // After a client-side page change, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (shown.current === location) return;
    shown.current = location;
    mainRef.current?.focus();
  }, [location]);

  const nav = routes.filter(
    (r) => r.nav && (!r.staffOnly || isStaff(me)) && (!r.adminOnly || me.role === "admin"),
  );

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="header">
        <div className="container header__inner">
          <Link to="/" className="header__brand" aria-label="nous home">
            nous
          </Link>
          <span className="header__tagline">Commercial decisions and contracts, in the open</span>
          <SearchBox />
          <Account />
        </div>
        <nav className="nav" aria-label="Main">
          <div className="container">
            <ul>
              {nav.map((r) => (
                <li key={r.path}>
                  <Link to={r.path} aria-current={section === r.path ? "page" : undefined}>
                    {r.nav}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </header>
      <div className="container">
        <aside className="banner" aria-label="About the figures">
          <p>
            <strong>Demonstration data.</strong> Values marked <DemoBadge note="an example of the badge" />{" "}
            were invented for this demonstration. Unmarked figures come from the public record named as the
            source on each page.
          </p>
          {ready && !isStaff(me) ? (
            <p className="banner__public">You are viewing published information only.</p>
          ) : null}
        </aside>
        <main id="main" ref={mainRef} tabIndex={-1}>
          {found ? (
            // Pages load as chunks of their own (routes.tsx): a polite status meanwhile, no heading
            // and no focus move, so the page's own h1 is the only one once it arrives.
            <Suspense fallback={<Loading what="Loading the page" />}>
              {found.route.render(found.params)}
            </Suspense>
          ) : (
            <NotFoundPage path={location.split("?")[0] ?? location} />
          )}
        </main>
      </div>
      <footer className="footer">
        <div className="container">
          <p>
            nous is open-source software (Apache-2.0). The data behind every page is available from the{" "}
            <a href="/api/docs">API</a>.
          </p>
        </div>
      </footer>
    </>
  );
}
