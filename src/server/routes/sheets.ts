/** Spreadsheet downloads and uploads for decide documents (src/contract/sheets.ts). */
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { dmaSheet, uploadDmaSheet } from "../../app/dma-sheet.ts";
import { type SheetFile, uploadBytes } from "../../app/sheet-file.ts";
import { uploadWorkforceSheet, workforceSheet } from "../../app/workforce-sheet.ts";
import { getDmaSheet, getWorkforceSheet, putDmaSheet, putWorkforceSheet } from "../../contract/sheets.ts";
import { callerOf } from "../auth.ts";
import { addOperation } from "../operation.ts";

function download(reply: FastifyReply, file: SheetFile) {
  // A working document, not for caches to keep.
  return reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("cache-control", "no-store")
    .send(file.body);
}

export const sheetRoutes: FastifyPluginAsync = async (app) => {
  const store = app.store;
  const actor = (req: Parameters<typeof callerOf>[0], reason: string) => ({
    username: callerOf(req).username,
    reason,
  });

  addOperation(app, getDmaSheet, async ({ params, query, reply }) =>
    download(reply, await dmaSheet(store, params.id, query.format)),
  );
  addOperation(app, putDmaSheet, ({ params, body, req }) =>
    uploadDmaSheet(
      store,
      params.id,
      { fileName: body.fileName, bytes: uploadBytes(body) },
      actor(req, body.reason),
    ),
  );
  addOperation(app, getWorkforceSheet, async ({ params, query, reply }) =>
    download(reply, await workforceSheet(store, params.id, query.format)),
  );
  addOperation(app, putWorkforceSheet, ({ params, body, req }) =>
    uploadWorkforceSheet(
      store,
      params.id,
      { fileName: body.fileName, bytes: uploadBytes(body) },
      actor(req, body.reason),
    ),
  );
};
