/**
 * Where the users commands get a password: asked for on a terminal without echo (twice, to
 * catch a typing slip), or read from stdin when stdin is not a terminal (a pipe or a file, one
 * line). `--password` and NOUS_PASSWORD stay for scripts, with a warning that a command line
 * can be read by anyone on the machine (ps, /proc) and may be kept in the shell's history.
 */
import { InputError } from "../shared/errors.ts";

export const PASSWORD_HELP =
  "the password (visible to other users of this machine: prefer the prompt, or pipe it on stdin)";

/** Reads one line from a terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let text = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (err) reject(err);
      else resolve(text);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003" || ch === "\u0004") return done(new InputError("no password given"));
        if (ch === "\u007f" || ch === "\b") text = [...text].slice(0, -1).join("");
        else if (ch >= " ") text += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readStdin(): Promise<string> {
  let text = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.length > 4096) throw new InputError("stdin: expected one line holding the password");
  }
  const lines = text.replace(/\r?\n$/, "").split(/\r?\n/);
  if (lines.length !== 1 || !lines[0]) throw new InputError("stdin: expected one line holding the password");
  return lines[0];
}

/** The password for `username`'s account, from the option, NOUS_PASSWORD, the terminal or stdin. */
export async function readPassword(option: string | undefined, username: string): Promise<string> {
  if (option !== undefined) {
    process.stderr.write(
      "nous: warning: a password given with --password can be read by other users of this machine; " +
        "leave it out to be asked for it, or pipe it on stdin\n",
    );
    return option;
  }
  const env = process.env.NOUS_PASSWORD;
  if (env) return env;
  if (!process.stdin.isTTY) return readStdin();
  const first = await askHidden(`Password for ${username}: `);
  const again = await askHidden("The same password again: ");
  if (first !== again) throw new InputError("the two passwords typed differ: nothing was changed");
  return first;
}
