/**
 * Questions and comments from the public in the API: anyone may ask about a published contract,
 * service or decision (the one write the public may make); an administrator moderates, or sets
 * comments to be published at once; staff of the body answer. Anyone reads what is published;
 * staff read everything.
 */
import { z } from "zod";
import { reason } from "./fields.ts";
import { defineOperation } from "./operation.ts";
import { ADMIN, ANYONE, type Role, STAFF } from "./roles.ts";

/** Longest question or comment, in characters. */
export const COMMENT_MAX = 2000;
/** Longest name a writer may give. */
export const NAME_MAX = 80;
/** Longest official answer. */
export const ANSWER_MAX = 8000;

/** Staff who answer for the body: every account but the scrutineer, who questions it. */
export const ANSWERING: readonly Role[] = ["admin", "commercial", "contract-manager", "finance"];

export const Subject = z
  .string()
  .regex(/^(contract|service|decision):[a-z0-9][a-z0-9-]{0,62}$/)
  .describe("What the comment is about: contract:ID, service:ID or decision:ID, a published record");

export const CommentStatus = z.enum(["pending", "published", "rejected"]);
export const ModerationMode = z
  .enum(["before-publication", "none"])
  .describe(
    "before-publication: an administrator publishes each comment; none: comments are published at once",
  );

export const Comment = z.object({
  id: z.string(),
  subject: z.string(),
  name: z.string().describe("As the writer gave it; empty when anonymous"),
  body: z.string().describe("As written: plain text, never markup"),
  createdAt: z.string(),
  status: CommentStatus,
  moderatedAt: z.string().nullable(),
  moderationReason: z.string().nullable().describe("Staff only"),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  daysToAnswer: z
    .number()
    .int()
    .nullable()
    .describe("Calendar days (Europe/London) from the question to the answer"),
});
export type Comment = z.infer<typeof Comment>;

export const createComment = defineOperation({
  operationId: "createComment",
  method: "POST",
  path: "/comments",
  summary: "Ask a question or comment on a published contract, service or decision",
  description: `Open to the public. At most ${COMMENT_MAX} characters; a few per address in a window of time (429 after). Published at once or after moderation, as the body has set.`,
  tags: ["comments"],
  roles: ANYONE,
  body: z
    .object({
      subject: Subject,
      body: z.string().min(1).max(COMMENT_MAX),
      name: z.string().max(NAME_MAX).optional(),
    })
    .strict(),
  status: 201,
  errors: ["too_many_requests", "unknown_reference"],
  response: z.object({ id: z.string(), status: CommentStatus, message: z.string() }),
});

export const listComments = defineOperation({
  operationId: "listComments",
  method: "GET",
  path: "/comments",
  summary: "Questions and comments with their answers: published ones to the public, all to staff",
  tags: ["comments"],
  roles: ANYONE,
  query: z.object({ subject: Subject.optional(), status: CommentStatus.optional() }).strict(),
  response: z.object({ comments: z.array(Comment) }),
});

export const moderateComment = defineOperation({
  operationId: "moderateComment",
  method: "POST",
  path: "/comments/:id/moderation",
  summary: "Publish or reject a comment (audited)",
  tags: ["comments"],
  roles: ADMIN,
  params: z.object({ id: z.string() }),
  body: z.object({ decision: z.enum(["publish", "reject"]), reason }).strict(),
  response: Comment,
});

export const answerComment = defineOperation({
  operationId: "answerComment",
  method: "POST",
  path: "/comments/:id/answer",
  summary: "Give (or replace) the body's official answer to a question (audited)",
  tags: ["comments"],
  roles: ANSWERING,
  params: z.object({ id: z.string() }),
  body: z.object({ answer: z.string().min(1).max(ANSWER_MAX), reason }).strict(),
  response: Comment,
});

export const CommentSettings = z.object({
  moderation: ModerationMode,
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable(),
});

export const getCommentSettings = defineOperation({
  operationId: "getCommentSettings",
  method: "GET",
  path: "/comments/settings",
  summary: "How comments are moderated",
  tags: ["comments"],
  roles: STAFF,
  response: CommentSettings,
});

export const setCommentSettings = defineOperation({
  operationId: "setCommentSettings",
  method: "PUT",
  path: "/comments/settings",
  summary: "Set how comments are moderated (audited)",
  tags: ["comments"],
  roles: ADMIN,
  body: z.object({ moderation: ModerationMode, reason }).strict(),
  response: CommentSettings,
});
