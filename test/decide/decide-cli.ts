/**
 * Runs only the decide commands the way src/cli/main.ts does (same registration, same one-line
 * error format), so these tests do not depend on every other command module loading.
 *   node --import tsx test/decide/decide-cli.ts appraise CASE.json
 */
import { Command, CommanderError } from "commander";
import { registerDecide } from "../../src/cli/commands/decide.ts";
import { InputError, formatLocation } from "../../src/shared/errors.ts";

const program = new Command().name("nous").exitOverride();
registerDecide(program);
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else {
    const where = err instanceof InputError ? formatLocation(err.location) : "";
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`nous: ${where ? `${where}: ` : ""}${message}\n`);
    process.exitCode = 1;
  }
}
