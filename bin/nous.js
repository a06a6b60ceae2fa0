#!/usr/bin/env node
// The `nous` command. The sources are TypeScript; tsx compiles them on load, so the
// command works straight after `npm ci` with no separate build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
await main(process.argv);
