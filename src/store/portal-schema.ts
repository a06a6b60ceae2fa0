/**
 * Tables of the public portal (migration 009_comments_search): questions and comments from the
 * public with their moderation and the staff's answer, and the moderation setting. The search
 * index (search_fts on SQLite, search_docs on PostgreSQL, search_state) is derived and typed in
 * src/store/search.ts, outside `Database`, so no backup copies it.
 */
export type CommentStatus = "pending" | "published" | "rejected";
export type ModerationMode = "before-publication" | "none";

export interface CommentsTable {
  id: string;
  /** contract | service | decision */
  subject_kind: string;
  subject_id: string;
  /** As the writer gave it; "" for anonymous. */
  name: string;
  body: string;
  created_at: string;
  status: CommentStatus;
  moderated_at: string | null;
  moderated_by: string | null;
  moderation_reason: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

export interface CommentSettingsTable {
  id: number;
  moderation: ModerationMode;
  changed_at: string | null;
  changed_by: string | null;
}

export interface PortalTables {
  comments: CommentsTable;
  comment_settings: CommentSettingsTable;
}

/** In restore order. */
export const PORTAL_TABLES = ["comments", "comment_settings"] as const;
