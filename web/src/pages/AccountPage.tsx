/**
 * `/account` (every signed-in account, the scrutineer included): change your own password and
 * see or revoke your own API tokens. Changing the password ends your other browser sessions.
 */
import { type FormEvent, useState } from "react";
import { PASSWORD_HINT, accountsApi, newPasswordProblem } from "../api-accounts.ts";
import { ROLE_LABELS, isStaff, useAuth } from "../auth.tsx";
import { Facts } from "../components/Facts.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Link, useLocation } from "../router.tsx";
import { useApi, useInvalidate } from "../useApi.ts";
import { Outcome, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { AccountStyles, TokenTable } from "./AccountForms.tsx";
import { usePageTitle } from "./title.ts";

function PasswordForm() {
  const { me } = useAuth();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const s = useSave();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        !current
          ? "Enter your current password."
          : newPasswordProblem(next, me?.username ?? undefined)
            ? newPasswordProblem(next, me?.username ?? undefined)
            : next !== again
              ? "The two new passwords differ: type the same one twice."
              : null,
      async () => {
        await accountsApi.changeOwnPassword(current, next);
        return "Password changed. Your other browser sessions have been signed out.";
      },
    );
    if (ok) {
      setCurrent("");
      setNext("");
      setAgain("");
    }
  };
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <Outcome prefix="password" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Change your password">
        <TextField
          id="password-current"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <TextField
          id="password-new"
          label="New password"
          hint={PASSWORD_HINT}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
        />
        <TextField
          id="password-again"
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
        />
        <SaveButton busy={s.busy} label="Change password" />
      </form>
    </section>
  );
}

function OwnTokens() {
  const invalidate = useInvalidate();
  const tokens = useApi(accountsApi.ownTokens, "own-tokens");
  const s = useSave(() => void invalidate("own-tokens"));
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Your API tokens</h2>
      <p className="muted">
        Scripts use a token instead of your password. An administrator issues them; revoke one you no longer
        use and it stops working at once.
      </p>
      <Outcome prefix="tokens" error={s.error} done={s.done} />
      {tokens.error ? <ErrorPanel error={tokens.error} /> : null}
      {tokens.data ? (
        <TokenTable
          caption="Your API tokens"
          tokens={tokens.data}
          busy={s.busy}
          onRevoke={(t) =>
            s.run(
              () => null,
              async () => {
                await accountsApi.revokeOwnToken(t.id);
                return `Token “${t.name}” revoked.`;
              },
            )
          }
        />
      ) : tokens.loading ? (
        <Loading what="Loading your tokens" />
      ) : null}
    </section>
  );
}

export function AccountPage() {
  usePageTitle("Your account");
  const { me, ready } = useAuth();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!isStaff(me)) {
    return (
      <div className="narrow">
        <h1>Your account</h1>
        <p>
          <Link to={`/login?next=${encodeURIComponent(location)}`}>Sign in</Link> to change your password or
          manage your API tokens.
        </p>
      </div>
    );
  }
  return (
    <>
      <AccountStyles />
      <h1>Your account</h1>
      <Facts
        label="Your account"
        facts={[
          { label: "Username", value: me.username },
          { label: "Name", value: me.displayName },
          { label: "Role", value: ROLE_LABELS[me.role] },
        ]}
      />
      <PasswordForm />
      <OwnTokens />
    </>
  );
}
