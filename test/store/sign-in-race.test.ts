/**
 * Sign-ins with the right password made at the same moment for one account, on SQLite and on a
 * real PostgreSQL server: each is admitted and none fails. Found by the load bench (bench/load.ts):
 * on PostgreSQL, an attempt whose throttle row was deleted by another attempt's success between
 * "insert if missing" and "select for update" threw "no result", and the sign-in answered 500.
 */
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/store/db.ts";
import { FREE_FAILURES, admitSignIn, signInSucceeded } from "../../src/store/sign-in-throttle.ts";
import { describePg } from "../support/pg.ts";
import { type StoreTarget, pgTarget, sqliteTarget, useSuiteStore } from "../support/store-suite.ts";

function raceSuite(kind: string, target: StoreTarget): void {
  describe(`right-password sign-ins at once on ${kind}`, () => {
    let store: Store;
    useSuiteStore(target, {
      opened: (s) => {
        store = s;
      },
    });

    it(`admits every one of ${FREE_FAILURES - 1} attempts at a time for one name, round after round`, async () => {
      const answers: string[] = [];
      const attempt = async () => {
        for (let round = 0; round < 60; round++) {
          const a = await admitSignIn(store, "shared", new Date());
          answers.push(a.kind);
          if (a.kind === "go") await signInSucceeded(store, "shared");
        }
      };
      await Promise.all(Array.from({ length: FREE_FAILURES - 1 }, attempt));
      expect(answers).toHaveLength(60 * (FREE_FAILURES - 1));
      expect(answers.filter((k) => k !== "go")).toEqual([]);
    });
  });
}

raceSuite("SQLite", sqliteTarget("nous-sign-in-race-"));
describePg("PostgreSQL", () => {
  raceSuite("PostgreSQL", pgTarget);
});
