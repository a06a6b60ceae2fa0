/** `nous billing ...` commands: a thin adapter over the engine in src/billing/. */
import type { Command } from "commander";

export function registerBilling(_program: Command): void {}
