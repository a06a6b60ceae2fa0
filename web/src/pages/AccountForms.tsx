/**
 * Pieces the two account pages share: the table of API tokens with a revoke button per token,
 * and a token secret shown once. Form pieces come from components/Form.tsx.
 */
import { useState } from "react";
import type { ApiTokenInfo } from "../api-accounts.ts";
import { Table } from "../components/Table.tsx";
import { formatTimestamp } from "../format.ts";

const CSS = `
.account-secret { margin: 0.75rem 0 1rem; padding: 0.75rem 1rem; border: 3px solid var(--green); background: #fff; max-width: 46em; }
.account-secret code { display: block; margin: 0.5rem 0; padding: 0.5rem; background: #f3f2f1; word-break: break-all; font-size: 1rem; }
.account-secret .button { margin-right: 0.75rem; }
.account-secret code.account-inline { display: inline; margin: 0; padding: 0; background: none; font-size: 0.9em; }
.account-forms { display: grid; gap: 0 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); }
.account-manage { margin: 1.5rem 0; padding: 0.25rem 1rem 1rem; border: 1px solid var(--border-light); }
.account-manage h2 { margin-top: 1rem; }
.tag--disabled { background: #942514; color: #fff; }
.tag--enabled { background: #005a30; color: #fff; }
.button--secondary { background: #f3f2f1; color: var(--text); box-shadow: 0 2px 0 #929191; }
.button--secondary:hover { background: #dbdad9; }
.button--warning { background: #d4351c; box-shadow: 0 2px 0 #55150b; }
.button--warning:hover { background: #aa2a16; }
`;

export function AccountStyles() {
  return <style>{CSS}</style>;
}

/** A new token's secret, shown once: the server keeps only its hash. */
export function SecretOnce({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="account-secret" role="status" aria-label="New API token">
      <p>
        <strong>Token “{name}” issued.</strong> Copy it now: it is shown only this once and cannot be seen
        again. Scripts send it as <code className="account-inline">Authorization: Bearer …</code>
      </p>
      <code data-token="">{token}</code>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          navigator.clipboard?.writeText(token).then(
            () => setCopied("Copied to the clipboard."),
            () => setCopied("Select the token above and copy it (Ctrl+C or ⌘C)."),
          );
          if (!navigator.clipboard) setCopied("Select the token above and copy it (Ctrl+C or ⌘C).");
        }}
      >
        Copy token
      </button>
      {copied ? <span className="muted">{copied}</span> : null}
    </div>
  );
}

/** The API tokens of one account, each with a button to revoke it. */
export function TokenTable({
  caption,
  tokens,
  busy,
  onRevoke,
}: {
  caption: string;
  tokens: ApiTokenInfo[];
  busy: boolean;
  onRevoke: (token: ApiTokenInfo) => void;
}) {
  return (
    <Table
      caption={caption}
      rows={tokens}
      rowKey={(t) => t.id}
      empty="No API tokens."
      columns={[
        { key: "name", header: "Name", cell: (t) => t.name },
        { key: "id", header: "Id", cell: (t) => <code>{t.id}</code> },
        { key: "created", header: "Issued", cell: (t) => formatTimestamp(t.createdAt) },
        {
          key: "revoke",
          header: "Revoke",
          cell: (t) => (
            <button
              type="button"
              className="button button--warning"
              disabled={busy}
              aria-label={`Revoke token ${t.name} (${t.id})`}
              onClick={() => onRevoke(t)}
            >
              Revoke
            </button>
          ),
        },
      ]}
    />
  );
}
