/** `/login`: sign in with a username and password, then return to the page the user came from. */
import { type FormEvent, useState } from "react";
import { ApiError } from "../api.ts";
import { ROLE_LABELS, isStaff, useAuth } from "../auth.tsx";
import { navigate, queryParam, useLocation } from "../router.tsx";
import { usePageTitle } from "./title.ts";

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/login")) return "/";
  return next;
}

export function LoginPage() {
  usePageTitle("Sign in");
  const { me, login } = useAuth();
  const location = useLocation();
  const asked = queryParam(location, "next");
  const next = safeNext(asked);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError("Enter your username and password.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const who = await login(username.trim(), password);
      // A contract manager who came to sign in (not sent from a page) lands on what needs attention.
      navigate(asked === null && who.role === "contract-manager" ? "/attention" : next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "sign-in failed");
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {isStaff(me) ? (
        <p className="notice">
          You are signed in as {me.displayName} ({ROLE_LABELS[me.role]}). Signing in again switches account.
        </p>
      ) : (
        <p className="lead">Staff and scrutineers sign in to see unpublished records and the audit trail.</p>
      )}
      {error ? (
        <div className="error-panel" role="alert" id="login-error">
          <h2>Could not sign in</h2>
          <p>{error}</p>
        </div>
      ) : null}
      <form
        className="form"
        onSubmit={submit}
        noValidate
        aria-describedby={error ? "login-error" : undefined}
      >
        <div className="form__group">
          <label htmlFor="username">Username</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </div>
        <div className="form__group">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </div>
  );
}
