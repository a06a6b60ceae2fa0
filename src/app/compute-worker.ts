/**
 * The derived-results worker thread: runs the jobs the server posts (src/app/compute-jobs.ts) one
 * at a time, off the server's event loop, and answers each with its text or with the error it
 * gave. An error a user can act on (InputError) keeps its code, status, location and details, so
 * the API answers it as it would have on the server's own thread.
 */
import { parentPort } from "node:worker_threads";
import { InputError } from "../shared/errors.ts";
import { type ComputeJob, runJob } from "./compute-jobs.ts";

export interface JobRequest {
  id: number;
  job: ComputeJob;
}

export type JobReply =
  | { id: number; text: string }
  | {
      id: number;
      error: {
        message: string;
        stack?: string;
        input?: { code: string; status: number; location: InputError["location"]; details: unknown };
      };
    };

parentPort?.on("message", (msg: JobRequest) => {
  let reply: JobReply;
  try {
    reply = { id: msg.id, text: runJob(msg.job) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = {
      id: msg.id,
      error: {
        message: e.message,
        ...(e.stack ? { stack: e.stack } : {}),
        ...(err instanceof InputError
          ? { input: { code: err.code, status: err.status, location: err.location, details: err.details } }
          : {}),
      },
    };
  }
  try {
    parentPort?.postMessage(reply);
  } catch (err) {
    // A result or error detail that cannot be copied to the server's thread.
    parentPort?.postMessage({ id: msg.id, error: { message: `the result could not be sent: ${String(err)}` } });
  }
});
