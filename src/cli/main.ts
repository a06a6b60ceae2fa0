/**
 * The `nous` command line. Each capability registers its commands from its own module in
 * `src/cli/commands/`; this file only assembles them and turns errors into one-line reasons.
 */
import { Command, CommanderError } from "commander";
import { formatLocation, InputError, printable } from "../shared/errors.ts";
import { registerBilling } from "./commands/billing.ts";
import { registerDecide } from "./commands/decide.ts";
import { registerFlags } from "./commands/flags.ts";
import { registerManage } from "./commands/manage.ts";
import { registerOcds } from "./commands/ocds.ts";
import { registerOcdsStore } from "./commands/ocds-store.ts";
import { registerPlatform } from "./commands/platform.ts";
import { registerReport } from "./commands/report.ts";

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("nous")
    .description(
      "Commercial nous for public bodies: decide whether to outsource, buy well, manage contracts,\n" +
        "check every invoice line, and give scrutineers the same facts.",
    )
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerPlatform(program);
  registerOcds(program);
  registerOcdsStore(program);
  registerFlags(program);
  registerDecide(program);
  registerBilling(program);
  registerReport(program);
  registerManage(program);
  return program;
}

/**
 * Exit code and one-line message for an error thrown by a command. The message often echoes input
 * (a file name, an id, a value from a file): it goes through printable(), so a control character
 * in it (an ESC that would drive the terminal, a newline that would forge a second line) is shown
 * as an escape, never written raw.
 */
export function describeError(err: unknown): { code: number; message: string } {
  const { code, message } = describeRaw(err);
  return { code, message: printable(message) };
}

function describeRaw(err: unknown): { code: number; message: string } {
  if (err instanceof InputError) {
    const where = formatLocation(err.location);
    return { code: 1, message: where ? `${where}: ${err.message}` : err.message };
  }
  if (err instanceof Error) {
    const sys = err as NodeJS.ErrnoException;
    if (sys.code === "ENOENT" && sys.path)
      return { code: 1, message: `${sys.path}: no such file or directory` };
    if (sys.code === "EACCES" && sys.path) return { code: 1, message: `${sys.path}: permission denied` };
    return { code: 1, message: err.message };
  }
  return { code: 1, message: String(err) };
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed its message (help, version or a usage error).
      process.exitCode = err.exitCode;
      return;
    }
    const { code, message } = describeError(err);
    process.stderr.write(`nous: ${message}\n`);
    if (process.env.NOUS_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = code;
  }
}
