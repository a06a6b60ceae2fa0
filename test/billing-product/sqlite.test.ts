import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { billingStoreSuite } from "./store-suite.ts";

billingStoreSuite("SQLite", {
  async create() {
    const dir = mkdtempSync(join(tmpdir(), "nous-billing-sqlite-"));
    return { url: join(dir, "nous.db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
});
