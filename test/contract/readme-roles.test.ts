/**
 * The README's "Who does what with a bill" table is what an authority reads to decide whether nous
 * keeps its separation of duties; this checks the table against the roles the routes enforce, so
 * the two cannot drift apart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_ROLES, UPLOAD_ROLES } from "../../src/contract/billing.ts";
import { repo } from "../e2e/harness.ts";

const NAMES: Record<string, string> = {
  "contract manager": "contract-manager",
  "commercial lead": "commercial",
  finance: "finance",
};

function table(): Map<string, string[]> {
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const start = readme.indexOf("**Who does what with a bill**");
  expect(start, "README has the table").toBeGreaterThan(0);
  const rows = new Map<string, string[]>();
  for (const line of readme.slice(start).split("\n").slice(1)) {
    if (rows.size && !line.startsWith("|")) break;
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 4 || cells[1] === "step" || cells[1]?.startsWith("---")) continue;
    rows.set(
      cells[1] ?? "",
      (cells[2] ?? "").split(",").map((w) => NAMES[w.trim()] ?? `unknown: ${w.trim()}`),
    );
  }
  return rows;
}

const withoutAdmin = (roles: readonly string[]) => roles.filter((r) => r !== "admin").sort();

describe("README billing roles", () => {
  it("names exactly the roles each billing route lets through (administrators aside)", () => {
    const t = table();
    expect(t.get("upload invoice lines and registers")?.sort()).toEqual(withoutAdmin(UPLOAD_ROLES));
    expect(t.get("dispute a charge, reopen one")?.sort()).toEqual(withoutAdmin(ACTION_ROLES.dispute));
    expect(withoutAdmin(ACTION_ROLES.reopen)).toEqual(withoutAdmin(ACTION_ROLES.dispute));
    expect(t.get("accept a flagged charge as payable")?.sort()).toEqual(withoutAdmin(ACTION_ROLES.accept));
    expect(t.get("record a credit note (recover)")?.sort()).toEqual(withoutAdmin(ACTION_ROLES.recover));
    // Separation of duties holds in the roles themselves: no non-admin role both disputes and accepts.
    const both = ACTION_ROLES.dispute.filter((r) => r !== "admin" && ACTION_ROLES.accept.includes(r));
    expect(both).toEqual([]);
  });
});
