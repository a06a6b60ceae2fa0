/**
 * `/accounts` (administrators): every account with its role and state; add an account; for the
 * account chosen, change its role, disable or enable it, set a new password, issue an API token
 * (its secret shown once) and revoke tokens. Each change names its reason, kept in the audit
 * trail; passwords and token secrets never are. The server checks every rule again, and keeps
 * at least one enabled administrator.
 */
import { type FormEvent, useState } from "react";
import {
  ACCOUNT_ROLE_OPTIONS,
  type AccountInfo,
  PASSWORD_HINT,
  accountsApi,
  newPasswordProblem,
} from "../api-accounts.ts";
import { ROLE_LABELS, isStaff, useAuth } from "../auth.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Table } from "../components/Table.tsx";
import { formatTimestamp } from "../format.ts";
import { Link, navigate, queryParam, useLocation } from "../router.tsx";
import { useApi, useInvalidate } from "../useApi.ts";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { AccountStyles, SecretOnce, TokenTable } from "./AccountForms.tsx";
import { usePageTitle } from "./title.ts";

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

function AddAccountForm({ onSaved }: { onSaved: (username: string) => void }) {
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState("");
  const [password, setPassword] = useState("");
  const [reason, setReason] = useState("");
  const s = useSave();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = username.trim();
    const ok = await s.run(
      () =>
        !USERNAME.test(name)
          ? "Username: 2–40 characters, lower-case letters, digits, '.', '_' or '-'."
          : !role
            ? "Choose a role."
            : newPasswordProblem(password, name)
              ? newPasswordProblem(password, name)
              : !reason.trim()
                ? "Say why you are adding this account (kept in the audit trail)."
                : null,
      async () => {
        await accountsApi.add({
          username: name,
          displayName: displayName.trim() || undefined,
          role,
          password,
          reason: reason.trim(),
        });
        return `Account ${name} added. Give them the password by a safe route; they can change it on “Your account”.`;
      },
    );
    if (ok) {
      setUsername("");
      setDisplayName("");
      setRole("");
      setPassword("");
      setReason("");
      onSaved(name);
    }
  };
  return (
    <details className="manage-form" data-form="add-account">
      <summary>
        <strong>Add an account</strong>
      </summary>
      <Outcome prefix="add" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Add an account">
        <Field id="add-username" label="Username" hint="Lower-case letters, digits, '.', '_' or '-'.">
          <input
            id="add-username"
            autoComplete="off"
            aria-describedby="add-username-hint"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
        <TextField
          id="add-name"
          label="Name shown in the dashboard"
          value={displayName}
          onChange={setDisplayName}
        />
        <Field id="add-role" label="Role">
          <select id="add-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">Choose…</option>
            {ACCOUNT_ROLE_OPTIONS.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="add-password"
          label="Password"
          hint={PASSWORD_HINT}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        <ReasonField prefix="add" reason={reason} setReason={setReason} />
        <SaveButton busy={s.busy} label="Add account" />
      </form>
    </details>
  );
}

function RoleForm({ account, onSaved }: { account: AccountInfo; onSaved: () => void }) {
  const [role, setRole] = useState<string>(account.role);
  const [reason, setReason] = useState("");
  const s = useSave(onSaved);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        role === account.role
          ? `${account.username} already has this role: choose another.`
          : !reason.trim()
            ? "Say why the role changes (kept in the audit trail)."
            : null,
      async () => {
        const a = await accountsApi.changeRole(account.username, role, reason.trim());
        return `${a.username} is now ${ROLE_LABELS[a.role]}.`;
      },
    );
    if (ok) setReason("");
  };
  return (
    <div data-form="role">
      <h3>Role</h3>
      <Outcome prefix="role" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Change the role">
        <Field id="role-role" label="Role">
          <select id="role-role" value={role} onChange={(e) => setRole(e.target.value)}>
            {ACCOUNT_ROLE_OPTIONS.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <ReasonField prefix="role" reason={reason} setReason={setReason} />
        <SaveButton busy={s.busy} label="Change role" />
      </form>
    </div>
  );
}

function StateForm({ account, onSaved }: { account: AccountInfo; onSaved: () => void }) {
  const [reason, setReason] = useState("");
  const s = useSave(onSaved);
  const disable = !account.disabled;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        !reason.trim()
          ? `Say why you ${disable ? "disable" : "enable"} the account (kept in the audit trail).`
          : null,
      async () => {
        const a = await accountsApi.setDisabled(account.username, disable, reason.trim());
        return a.disabled
          ? `${a.username} is disabled: it cannot sign in, and its sessions and API tokens no longer work.`
          : `${a.username} is enabled again: it can sign in, and its API tokens work again.`;
      },
    );
    if (ok) setReason("");
  };
  return (
    <div data-form="state">
      <h3>{disable ? "Disable the account" : "Enable the account"}</h3>
      <p className="muted">
        {disable
          ? "A disabled account cannot sign in; its sessions end and its API tokens are refused at once."
          : "The account is disabled. Enabling it lets it sign in again and its API tokens work again."}
      </p>
      <Outcome prefix="state" error={s.error} done={s.done} />
      <form
        className="form"
        onSubmit={submit}
        noValidate
        aria-label={disable ? "Disable the account" : "Enable the account"}
      >
        <ReasonField prefix="state" reason={reason} setReason={setReason} />
        <button type="submit" className={disable ? "button button--warning" : "button"} disabled={s.busy}>
          {s.busy ? "Saving…" : disable ? "Disable account" : "Enable account"}
        </button>
      </form>
    </div>
  );
}

/** Shown only for a locked account: lifting the lock set after too many failed sign-ins. */
function UnlockForm({ account, onSaved }: { account: AccountInfo; onSaved: () => void }) {
  const [reason, setReason] = useState("");
  const s = useSave(onSaved);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () => (!reason.trim() ? "Say why you unlock the account (kept in the audit trail)." : null),
      async () => {
        const a = await accountsApi.unlock(account.username, reason.trim());
        return `${a.username} is unlocked: it can sign in again.`;
      },
    );
    if (ok) setReason("");
  };
  return (
    <div data-form="unlock">
      <h3>Unlock the account</h3>
      <p className="muted">
        The account was locked after too many failed sign-ins. Check with its holder that the attempts were
        theirs (or set a new password) before unlocking it.
      </p>
      <Outcome prefix="unlock" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Unlock the account">
        <ReasonField prefix="unlock" reason={reason} setReason={setReason} />
        <button type="submit" className="button" disabled={s.busy}>
          {s.busy ? "Saving…" : "Unlock account"}
        </button>
      </form>
    </div>
  );
}

function ResetForm({ account }: { account: AccountInfo }) {
  const [password, setPassword] = useState("");
  const [reason, setReason] = useState("");
  const s = useSave();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        newPasswordProblem(password, account.username)
          ? newPasswordProblem(password, account.username)
          : !reason.trim()
            ? "Say why you set a new password (kept in the audit trail)."
            : null,
      async () => {
        await accountsApi.resetPassword(account.username, password, reason.trim());
        return `New password set for ${account.username}; their browser sessions have ended.`;
      },
    );
    if (ok) {
      setPassword("");
      setReason("");
    }
  };
  return (
    <div data-form="reset">
      <h3>Set a new password</h3>
      <Outcome prefix="reset" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Set a new password">
        <TextField
          id="reset-password"
          label="New password"
          hint={PASSWORD_HINT}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        <ReasonField prefix="reset" reason={reason} setReason={setReason} />
        <SaveButton busy={s.busy} label="Set password" />
      </form>
    </div>
  );
}

function Tokens({ account }: { account: AccountInfo }) {
  const invalidate = useInvalidate();
  const reload = () => void invalidate("tokens:");
  const tokens = useApi(() => accountsApi.tokens(account.username), `tokens:${account.username}`);
  const [name, setName] = useState("");
  const [reason, setReason] = useState("");
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const issue = useSave(reload);
  const [revokeReason, setRevokeReason] = useState("");
  const revoke = useSave(reload);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setIssued(null);
    const n = name.trim();
    const ok = await issue.run(
      () =>
        !n
          ? "Name the token: what it is for, e.g. month-end export."
          : !reason.trim()
            ? "Say why the token is needed (kept in the audit trail)."
            : null,
      async () => {
        const { token } = await accountsApi.issueToken(account.username, n, reason.trim());
        setIssued({ name: n, token });
        return `Token “${n}” issued for ${account.username}.`;
      },
    );
    if (ok) {
      setName("");
      setReason("");
    }
  };

  return (
    <section aria-labelledby="tokens-heading">
      <h3 id="tokens-heading">API tokens</h3>
      <p className="muted">
        A script signs in as this account with a token. Only the name, date and id are kept on view; the
        secret is shown once, when the token is issued.
      </p>
      <div data-form="revoke">
        <Outcome prefix="revoke" error={revoke.error} done={revoke.done} />
        {tokens.error ? <ErrorPanel error={tokens.error} /> : null}
        {tokens.data && tokens.data.length > 0 ? (
          <div className="form">
            <TextField
              id="revoke-reason"
              label="Reason for revoking (kept in the audit trail)"
              value={revokeReason}
              onChange={setRevokeReason}
            />
          </div>
        ) : null}
        {tokens.data ? (
          <TokenTable
            caption={`API tokens of ${account.username}`}
            tokens={tokens.data}
            busy={revoke.busy}
            onRevoke={(t) =>
              revoke.run(
                () =>
                  !revokeReason.trim() ? "Say why you revoke the token (kept in the audit trail)." : null,
                async () => {
                  await accountsApi.revokeToken(account.username, t.id, revokeReason.trim());
                  setRevokeReason("");
                  return `Token “${t.name}” revoked: it no longer works.`;
                },
              )
            }
          />
        ) : tokens.loading ? (
          <Loading what="Loading the tokens" />
        ) : null}
      </div>
      <div data-form="token">
        <h3>Issue an API token</h3>
        <Outcome prefix="token" error={issue.error} done={issued ? null : issue.done} />
        {issued ? <SecretOnce name={issued.name} token={issued.token} /> : null}
        <form className="form" onSubmit={submit} noValidate aria-label="Issue an API token">
          <Field id="token-name" label="Token name" hint="What it is for, e.g. month-end export.">
            <input
              id="token-name"
              aria-describedby="token-name-hint"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <ReasonField prefix="token" reason={reason} setReason={setReason} />
          <button type="submit" className="button" disabled={issue.busy}>
            {issue.busy ? "Issuing…" : "Issue token"}
          </button>
        </form>
      </div>
    </section>
  );
}

function Manage({ account, onChanged }: { account: AccountInfo; onChanged: () => void }) {
  // The unlock form stays once the account is unlocked, so its confirmation can be read after
  // the list reloads.
  const [wasLocked] = useState(account.locked);
  return (
    <section className="account-manage" aria-label={`Manage ${account.username}`}>
      <h2>
        Manage {account.displayName} ({account.username})
      </h2>
      <p>
        {ROLE_LABELS[account.role]} · {account.disabled ? "disabled" : "enabled"}
        {account.locked ? " · locked after failed sign-ins" : ""} · added {formatTimestamp(account.createdAt)}
      </p>
      <div className="account-forms">
        <RoleForm key={`role:${account.role}`} account={account} onSaved={onChanged} />
        <StateForm account={account} onSaved={onChanged} />
        {account.locked || wasLocked ? <UnlockForm account={account} onSaved={onChanged} /> : null}
        <ResetForm account={account} />
      </div>
      <Tokens account={account} />
    </section>
  );
}

function StateTag({ disabled, locked }: { disabled: boolean; locked: boolean }) {
  if (locked && !disabled) return <span className="tag tag--disabled">Locked</span>;
  return disabled ? (
    <span className="tag tag--disabled">Disabled</span>
  ) : (
    <span className="tag tag--enabled">Enabled</span>
  );
}

export function AccountsPage() {
  usePageTitle("Accounts");
  const { me, ready } = useAuth();
  const location = useLocation();
  const chosen = queryParam(location, "user");
  const invalidate = useInvalidate();
  const reload = () => void invalidate("accounts");
  const admin = me.role === "admin";
  const accounts = useApi(admin ? accountsApi.list : null, "accounts");

  if (!ready) return <Loading />;
  if (!admin) {
    return (
      <div className="narrow">
        <h1>Accounts</h1>
        <div className="error-panel" role="alert">
          <h2>Only an administrator manages accounts</h2>
          {isStaff(me) ? (
            <p>
              You are signed in as {me.displayName} ({ROLE_LABELS[me.role]}). You can change your own password
              and revoke your own API tokens on <Link to="/account">Your account</Link>.
            </p>
          ) : (
            <p>
              <Link to={`/login?next=${encodeURIComponent(location)}`}>Sign in</Link> with an administrator's
              account.
            </p>
          )}
        </div>
      </div>
    );
  }

  const selected = accounts.data?.find((a) => a.username === chosen) ?? null;
  return (
    <>
      <AccountStyles />
      <h1>Accounts</h1>
      <p className="lead">
        Who can sign in, and with which role. Roles decide what each account may see and change; a scrutineer
        reads everything and changes nothing. Your own password is on <Link to="/account">Your account</Link>.
      </p>
      <AddAccountForm
        onSaved={(username) => {
          reload();
          navigate(`/accounts?user=${encodeURIComponent(username)}`, { replace: true });
        }}
      />
      {accounts.error ? <ErrorPanel error={accounts.error} /> : null}
      {accounts.data ? (
        <Table
          caption="Accounts"
          rows={accounts.data}
          rowKey={(a) => a.username}
          columns={[
            {
              key: "username",
              header: "Username",
              cell: (a) => (
                <Link
                  to={`/accounts?user=${encodeURIComponent(a.username)}`}
                  aria-current={a.username === chosen ? "true" : undefined}
                >
                  {a.username}
                </Link>
              ),
            },
            { key: "name", header: "Name", cell: (a) => a.displayName },
            { key: "role", header: "Role", cell: (a) => ROLE_LABELS[a.role] },
            {
              key: "state",
              header: "State",
              cell: (a) => <StateTag disabled={a.disabled} locked={a.locked} />,
            },
            { key: "created", header: "Added", cell: (a) => formatTimestamp(a.createdAt) },
          ]}
        />
      ) : accounts.loading ? (
        <Loading what="Loading the accounts" />
      ) : null}
      {selected ? (
        <Manage key={selected.username} account={selected} onChanged={reload} />
      ) : accounts.data ? (
        <p className="muted">
          Choose an account by its username to change its role, password, state or tokens.
        </p>
      ) : null}
    </>
  );
}
