/** Loading and error states shared by every page. */
import type { ApiError } from "../api.ts";
import { Link, useLocation } from "../router.tsx";

export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {what}…
    </p>
  );
}

/** The API's own message in a friendly panel; a sign-in link when the answer was 401/403. */
export function ErrorPanel({ error, title = "Something went wrong" }: { error: ApiError; title?: string }) {
  const location = useLocation();
  const needsSignIn = error.status === 401 || error.status === 403;
  const heading = error.status === 404 ? "Not found" : needsSignIn ? "You cannot see this page" : title;
  return (
    <div className="error-panel" role="alert">
      <h2>{heading}</h2>
      <p>
        The server said: <strong>{error.message}</strong>
      </p>
      {needsSignIn ? (
        <p>
          <Link to={`/login?next=${encodeURIComponent(location)}`}>Sign in</Link> with a staff account to see
          it.
        </p>
      ) : error.status === 0 || error.status >= 500 ? (
        <p>Try again in a moment. If it keeps happening, tell the system administrator.</p>
      ) : null}
    </div>
  );
}
