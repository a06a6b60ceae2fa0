/**
 * Stores what an uploaded spreadsheet makes of a stored decide document: read the document, let
 * the sheet's reader turn the file into the new document (or name every bad cell), and save it
 * through the same use case as the JSON form, so the engine's own checks run and the write is
 * audited. Nothing is stored when either step refuses.
 */
import type { DecideKind, DocumentOfKind } from "../contract/decide.ts";
import type { Actor } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { getDocument } from "../store/decide.ts";
import { saveDocument } from "./decide.ts";

export async function uploadDocumentSheet<K extends DecideKind, F>(
  store: Store,
  kind: K,
  id: string,
  upload: { fileName: string; bytes: Uint8Array },
  actor: Actor,
  apply: (stored: F, bytes: Uint8Array, fileName: string) => Promise<F>,
): Promise<DocumentOfKind<K>> {
  const stored = await getDocument(store, kind, id, false);
  const document = await apply(stored.document as F, upload.bytes, upload.fileName);
  const saved = await saveDocument(
    store,
    kind,
    id,
    {
      title: stored.title,
      serviceId: stored.serviceId,
      contractId: stored.contractId,
      document: document as Record<string, unknown>,
      reason: actor.reason,
    },
    actor,
  );
  return saved.document as DocumentOfKind<K>;
}
