/** `nous ocds ...` commands: a thin adapter over the engine in src/ocds/. */
import type { Command } from "commander";

export function registerOcds(_program: Command): void {}
