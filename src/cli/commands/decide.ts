/** `nous decide ...` commands: a thin adapter over the engine in src/decide/. */
import type { Command } from "commander";

export function registerDecide(_program: Command): void {}
