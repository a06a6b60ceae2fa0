import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { flagsStoreSuite } from "./store-suite.ts";

flagsStoreSuite("SQLite", {
  async create() {
    const dir = mkdtempSync(join(tmpdir(), "nous-flags-sqlite-"));
    return { url: join(dir, "nous.db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
});
