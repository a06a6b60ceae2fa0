import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decideStoreSuite } from "./decide-store-suite.ts";

decideStoreSuite("SQLite", {
  async create() {
    const dir = mkdtempSync(join(tmpdir(), "nous-decide-sqlite-"));
    return { url: join(dir, "nous.db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
});
