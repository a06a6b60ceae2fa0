/**
 * Dates that act: a contract's dates and term, the iCalendar feed, the attention list and the
 * register with its CSV export (operations in src/contract/manage-dates.ts, what each does in
 * src/app/manage-dates.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import {
  attentionFor,
  calendarFor,
  contractDates,
  register,
  registerCsv,
  setContractOwners,
  setContractTerm,
} from "../../app/manage-dates.ts";
import * as op from "../../contract/manage-dates.ts";
import { userForApiToken } from "../../store/users.ts";
import { callerOf, deny, seesUnpublished } from "../auth.ts";
import { addOperation } from "../operation.ts";

export const manageDatesRoutes: FastifyPluginAsync = async (app) => {
  const publishedOnly = (req: Parameters<typeof seesUnpublished>[0]) => !seesUnpublished(req);

  addOperation(app, op.getContractDates, ({ params, req }) =>
    contractDates(app.store, params.id, publishedOnly(req)),
  );

  addOperation(app, op.putContractTerm, ({ params, body, req }) => {
    const { reason, ...term } = body;
    return setContractTerm(app.store, params.id, term, { username: callerOf(req).username, reason });
  });

  addOperation(app, op.putContractOwners, ({ params, body, req }) =>
    setContractOwners(app.store, params.id, body.owners, {
      username: callerOf(req).username,
      reason: body.reason,
    }),
  );

  addOperation(app, op.getAttention, ({ req }) => attentionFor(app.store, req.role));

  // A calendar application sends no cookie: a staff feed carries an API token in `?token=`. A
  // token that is not valid is refused, never answered with the public feed (fail closed). The
  // route logs at warn, so the info line with the URL (and the token in it) is never written.
  addOperation(
    app,
    op.getCalendar,
    async ({ query, req, reply }) => {
      let staff = seesUnpublished(req);
      if (query.token !== undefined) {
        const user = await userForApiToken(app.store, query.token);
        if (!user)
          return deny(
            reply,
            401,
            "the calendar token is not valid: create an API token on your account page",
          );
        staff = true;
      }
      const ics = await calendarFor(app.store, !staff, {
        baseUrl: `${req.protocol}://${req.host}`,
        generatedAt: new Date(),
      });
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", 'inline; filename="nous-deadlines.ics"')
        .header("cache-control", staff ? "private, no-store" : "no-cache")
        .send(ics);
    },
    { logLevel: "warn" },
  );

  addOperation(app, op.listRegister, ({ req }) => register(app.store, publishedOnly(req)));

  addOperation(app, op.exportContractsCsv, async ({ req, reply }) => {
    const csv = await registerCsv(app.store, publishedOnly(req));
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", 'attachment; filename="contracts.csv"')
      .header("cache-control", seesUnpublished(req) ? "private, no-store" : "no-cache")
      .send(csv);
  });
};
