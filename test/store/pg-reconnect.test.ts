/**
 * A server on PostgreSQL outlives the loss of its idle connections: when PostgreSQL drops them
 * (a restart, an administrator ending sessions), the next request gets a new connection instead
 * of the whole process ending on the pool's "error" event.
 */
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openMigrated, type Store } from "../../src/store/db.ts";
import { createTestDatabase, describePg, type TestDatabase } from "../support/pg.ts";

describePg("PostgreSQL store after its connections are dropped", () => {
  let db: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = await openMigrated(db.url);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it("answers the next query on a new connection and says what happened", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // Three idle connections in the pool.
      await Promise.all([1, 2, 3].map(() => store.db.selectFrom("users").select("username").execute()));
      const ended = await db.terminate();
      expect(ended).toBeGreaterThanOrEqual(1);
      // The pool hears of each lost connection on its own socket; wait until it has heard of all,
      // or the next query could still be handed one of them.
      await vi.waitFor(() => expect(logged.mock.calls.length).toBeGreaterThanOrEqual(ended), {
        timeout: 10_000,
      });
      expect(String(logged.mock.calls[0]![0])).toMatch(/^nous: a pooled PostgreSQL connection was lost \(/);
      const users = await store.db.selectFrom("users").select("username").execute();
      expect(users).toEqual([]);
    } finally {
      logged.mockRestore();
    }
  });
});
