/** Worker thread of the parallel streaming compile: runs one range (ocds-compile-range.ts). */
import { parentPort, workerData } from "node:worker_threads";
import {
  AHEAD,
  compilePass,
  LineIndex,
  prescan,
  type RangeJob,
  type RangeReply,
  type RangeRequest,
  renderShare,
  secondPass,
} from "./ocds-compile-range.ts";
import { failureOf } from "./ocds-render.ts";

const job = workerData as RangeJob;
const index = new LineIndex();
const acks = new Int32Array(job.acks);
const reply = (msg: RangeReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(msg, transfer);
const progress = (bytes: number) => reply({ type: "progress", bytes });
const guard = (f: () => void) => {
  try {
    f();
  } catch (e) {
    const failure = failureOf(e);
    reply({
      type: "failure",
      message: failure?.message ?? String(e),
      location: failure?.location ?? {},
      fatal: !failure,
    });
  }
};

let sent = 0;
/** Sends a batch of lines, first waiting while the main thread is AHEAD batches behind. */
const send = (bytes: ArrayBuffer, count: number) => {
  for (;;) {
    const written = Atomics.load(acks, job.index);
    if (sent - written < AHEAD) break;
    Atomics.wait(acks, job.index, written, 1000);
  }
  sent++;
  reply({ type: "batch", bytes, count }, [bytes]);
};

guard(() => reply(prescan(job, index, progress)));
parentPort!.on("message", (msg: RangeRequest) => {
  guard(() => {
    if (msg.type === "shared") reply(compilePass(job, index, new Set(msg.ocids), send, progress));
    else if (msg.type === "again") {
      const r = secondPass(job, index, new Set(msg.ocids));
      reply(r, r.bytes ? [r.bytes] : []);
    } else reply(renderShare(msg, job.settings));
  });
});
