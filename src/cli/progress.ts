/**
 * Progress for long jobs: a bar on a terminal, a plain line per step otherwise (CI logs, pipes).
 * Engines report through a callback `(done, total)`; this adapter draws it on stderr.
 */
import cliProgress from "cli-progress";

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

export function createProgress(label: string, total = 0, opts: { quiet?: boolean } = {}): Progress {
  if (opts.quiet || process.env.NOUS_QUIET === "1") return { update() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total || 1, 0);
    return {
      update(done, t) {
        if (t !== undefined && t !== total) {
          total = t;
          bar.setTotal(t || 1);
        }
        bar.update(done);
      },
      stop() {
        bar.stop();
      },
    };
  }
  // Not a terminal: one line per tenth of the work (or per step when the total is unknown).
  let lastTenth = -1;
  let lastLine = 0;
  return {
    update(done, t) {
      if (t !== undefined) total = t;
      if (total > 0) {
        const tenth = Math.floor((done / total) * 10);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          process.stderr.write(`${label}: ${done}/${total} (${tenth * 10}%)\n`);
        }
      } else if (Date.now() - lastLine > 2000) {
        lastLine = Date.now();
        process.stderr.write(`${label}: ${done}\n`);
      }
    },
    stop() {
      if (total > 0 && lastTenth < 10) process.stderr.write(`${label}: ${total}/${total} (100%)\n`);
    },
  };
}
