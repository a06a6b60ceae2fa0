/** Worker thread of the streaming compile: renders groups of releases sent by the main thread. */
import { parentPort } from "node:worker_threads";
import { failureOf, type RenderGroup, type RenderSettings, renderGroups } from "./ocds-render.ts";

export interface RenderRequest {
  id: number;
  groups: RenderGroup[];
  bytes: ArrayBuffer | null;
  settings: RenderSettings;
}

parentPort!.on("message", (req: RenderRequest) => {
  try {
    const results = renderGroups(req.groups, req.bytes ? Buffer.from(req.bytes) : null, req.settings);
    parentPort!.postMessage({ id: req.id, results });
  } catch (e) {
    const failure = failureOf(e);
    parentPort!.postMessage({
      id: req.id,
      failure: failure ?? { message: String(e), location: {} },
      fatal: !failure,
    });
  }
});
