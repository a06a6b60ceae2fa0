/**
 * Questions and comments (operations in src/contract/comments.ts, what each does in
 * src/app/comments.ts). Asking is the one write open to the public: rate-limited per address
 * (src/server/public/rate-limit.ts), and the same limiter counts the portal's HTML form.
 */
import type { FastifyPluginAsync } from "fastify";
import {
  answer,
  askQuestion,
  comments,
  commentSettings,
  moderate,
  setCommentModeration,
} from "../../app/comments.ts";
import * as op from "../../contract/comments.ts";
import { InputError } from "../../shared/errors.ts";
import { callerOf, seesUnpublished } from "../auth.ts";
import { addOperation } from "../operation.ts";
import { questionLimiter } from "../public/rate-limit.ts";

export const commentRoutes: FastifyPluginAsync = async (app) => {
  const actor = (req: Parameters<typeof callerOf>[0], reason: string) => ({
    username: callerOf(req).username,
    reason,
  });

  addOperation(app, op.createComment, async ({ body, req, reply }) => {
    const wait = questionLimiter(app.store).take(req.ip, Date.now());
    if (wait > 0) {
      reply.header("retry-after", String(wait));
      throw new InputError(`too many questions from this address: try again in ${wait} seconds`, {
        code: "too_many_requests",
        status: 429,
      });
    }
    return askQuestion(app.store, body, new Date());
  });

  addOperation(app, op.listComments, async ({ query, req }) => ({
    comments: await comments(app.store, query, seesUnpublished(req)),
  }));

  addOperation(app, op.moderateComment, ({ params, body, req }) =>
    moderate(app.store, params.id, body.decision, actor(req, body.reason), new Date()),
  );

  addOperation(app, op.answerComment, ({ params, body, req }) =>
    answer(app.store, params.id, body.answer, actor(req, body.reason), new Date()),
  );

  addOperation(app, op.getCommentSettings, () => commentSettings(app.store));

  addOperation(app, op.setCommentSettings, ({ body, req }) =>
    setCommentModeration(app.store, body.moderation, actor(req, body.reason), new Date()),
  );
};
