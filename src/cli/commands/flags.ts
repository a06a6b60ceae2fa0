/** `nous flags ...` commands: a thin adapter over the engine in src/flags/. */
import type { Command } from "commander";

export function registerFlags(_program: Command): void {}
