/** Worker thread of the parallel streaming compile: scans one partition (ocds-compile-partition.ts) and compiles it (ocds-partition-compile.ts). */
import { statSync } from "node:fs";
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { type PartitionJob, type PartitionReply, scanPartition } from "./ocds-compile-partition.ts";
import { PartitionIndex } from "./ocds-partition-index.ts";
import { compilePartition } from "./ocds-partition-compile.ts";
import { failureOf } from "./ocds-render.ts";

/** Batches a worker may send ahead of the main thread's writing. */
const AHEAD = 8;

const job = workerData as PartitionJob;
const index = job.index ? PartitionIndex.of(job.index) : new PartitionIndex();
const acks = new Int32Array(job.acks);
const reply = (msg: PartitionReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(msg, transfer);
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
const send = (bytes: ArrayBuffer, length: number, count: number) => {
  for (;;) {
    const written = Atomics.load(acks, job.part);
    if (sent - written < AHEAD) break;
    Atomics.wait(acks, job.part, written, 1000);
  }
  sent++;
  reply({ type: "batch", bytes, length, count }, [bytes]);
};

let lastReport = 0;
/** The bytes of all the files, for progress in the compile's own units. */
let total: number | undefined;
guard(() =>
  reply(
    job.index
      ? { type: "scan", releases: index.size, warnings: [], fallback: false }
      : scanPartition(job, index, (bytes) => {
          if (bytes - lastReport >= 16 << 20) {
            lastReport = bytes;
            reply({ type: "progress", bytes });
          }
        }),
  ),
);
parentPort!.on("message", () => {
  guard(() =>
    reply(
      compilePartition(
        job,
        index,
        send,
        () =>
          job.returns ? (receiveMessageOnPort(job.returns)?.message as ArrayBuffer | undefined) : undefined,
        // In the bytes of the whole compile: the scan was its first quarter (or the main
        // thread's indexing of packages its first half), this the rest.
        (fraction) => {
          total ??= job.files.reduce((a, f) => a + statSync(f).size, 0);
          const from = job.index ? total / 2 : total / 4;
          reply({ type: "progress", bytes: from + fraction * (total - from) });
        },
      ),
    ),
  );
});
