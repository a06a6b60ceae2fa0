/**
 * The versions of Decide's documents (migration 010): each save from a form is a numbered
 * version of one document (kind + id), a draft until published. decide_documents keeps the
 * published one, which every other read uses.
 */
import type { Selectable } from "kysely";
import type { DecideKind } from "../contract/decide.ts";

export interface DecideVersionsTable {
  kind: DecideKind;
  doc_id: string;
  /** 1, 2, 3... per document. */
  version: number;
  /** "draft" until published; "published" for a version that was published (it stays so). */
  status: "draft" | "published";
  author: string;
  created_at: string;
  published_at: string | null;
  service_id: string | null;
  contract_id: string | null;
  title: string;
  /** The document in the engine's file form, validated by its schema on the way in. */
  body_json: string;
  /** What the author said about this version (the audit reason). */
  note: string;
}

export interface DecideVersionTables {
  decide_versions: DecideVersionsTable;
}

export const DECIDE_VERSION_TABLES = ["decide_versions"] as const;

export type DecideVersionRow = Selectable<DecideVersionsTable>;
