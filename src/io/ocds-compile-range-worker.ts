/** Worker thread of the parallel streaming compile: runs one range (ocds-compile-range.ts). */
import { parentPort, workerData } from "node:worker_threads";
import {
  firstPass,
  LineIndex,
  type RangeJob,
  type RangeRender,
  type RangeReply,
  renderShare,
  secondPass,
} from "./ocds-compile-range.ts";
import { failureOf } from "./ocds-render.ts";

const job = workerData as RangeJob;
const index = new LineIndex();
const reply = (msg: RangeReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(msg, transfer);
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
guard(() => reply(firstPass(job, index, (bytes) => reply({ type: "progress", bytes }))));
parentPort!.on("message", (msg: { type: "again"; ocids: string[] } | RangeRender) => {
  guard(() => {
    if (msg.type === "again") {
      const r = secondPass(job, index, new Set(msg.ocids));
      reply(r, r.bytes ? [r.bytes] : []);
    } else reply(renderShare(msg, job.settings));
  });
});
