/**
 * Search in the API: one query across services, contracts, suppliers, decisions, notices and
 * comments, ranked, with snippets as text parts (the caller escapes them; a part says whether
 * it is a matched word). Anyone may search; the public finds only what is published.
 */
import { z } from "zod";
import { defineOperation } from "./operation.ts";
import { ANYONE } from "./roles.ts";

export const SEARCH_KINDS = ["service", "contract", "supplier", "decision", "notice", "comment"] as const;

export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string().describe("The record's id; a notice's release id; a comment's id"),
  subject: z
    .string()
    .nullable()
    .describe(
      "A comment's subject (contract:ID, service:ID, decision:ID); the contract or service a decision is about; a notice's ocid; otherwise null",
    ),
  title: z.string(),
  snippet: z
    .array(z.object({ text: z.string(), match: z.boolean() }))
    .describe("The text around the matches, in parts; `match` marks the matched words"),
  score: z
    .number()
    .describe("Relevance, higher first (bm25 on SQLite, ts_rank on PostgreSQL: not comparable between them)"),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchAnswer = z.object({
  query: z.string(),
  terms: z.array(z.string()).describe("The words searched: letters and digits only, lower-cased"),
  results: z.array(SearchHit),
});
export type SearchAnswer = z.infer<typeof SearchAnswer>;

export const search = defineOperation({
  operationId: "search",
  method: "GET",
  path: "/search",
  summary: "Full-text search across services, contracts, suppliers, decisions, notices and comments",
  description:
    "Every word must match (as a word or the start of one). Quotes, *, -, NEAR and other operators are treated as plain text. The public sees only published records.",
  tags: ["search"],
  roles: ANYONE,
  query: z
    .object({
      q: z.string().max(200).describe("The words to find"),
      limit: z.number().int().min(1).max(100).optional(),
    })
    .strict(),
  response: SearchAnswer,
});
