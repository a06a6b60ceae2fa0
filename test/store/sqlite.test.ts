import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storeSuite } from "./store-suite.ts";

storeSuite("SQLite", {
  async create() {
    const dir = mkdtempSync(join(tmpdir(), "nous-sqlite-"));
    return { url: join(dir, "nous.db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
});
