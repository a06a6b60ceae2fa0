import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contractEventsStoreSuite } from "./store-suite.ts";

contractEventsStoreSuite("SQLite", {
  async create() {
    const dir = mkdtempSync(join(tmpdir(), "nous-events-sqlite-"));
    return { url: join(dir, "nous.db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
});
