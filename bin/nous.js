#!/usr/bin/env node
// The `nous` command. It runs the compiled JavaScript in dist/ (`npm run build`; `npm ci` runs it
// through `prepare`), so it starts at once. Without a build it warns and runs the TypeScript
// sources through tsx instead, which works but takes a second or more to start.
import { existsSync } from "node:fs";

const built = new URL("../dist/src/cli/main.js", import.meta.url);
let main;
if (existsSync(built)) {
  ({ main } = await import(built.href));
} else {
  process.stderr.write(
    "nous: no build in dist/ (run `npm run build`); running the sources through tsx, slowly\n",
  );
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
await main(process.argv);
