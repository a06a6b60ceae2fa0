/**
 * The pipeline and the register: services, waves, contracts, decisions, organisations and
 * elections (operations declared in src/contract/records.ts, what each does in src/app/records.ts).
 * Anyone may read what is published; staff see everything; the buyer side writes.
 */
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import {
  addContract,
  changeContract,
  addService,
  addWave,
  changeService,
  contractDetail,
  contractList,
  decisionsWithFlags,
  elections,
  organisations,
  pipeline,
  recordDecision,
  serviceDetail,
  setPublication,
  waves,
} from "../../app/records.ts";
import * as op from "../../contract/records.ts";
import { listServices } from "../../store/records.ts";
import { callerOf, seesUnpublished } from "../auth.ts";
import { addOperation } from "../operation.ts";

/** What the caller may see: the public only what is published. */
const visibility = (req: FastifyRequest) => ({ publishedOnly: !seesUnpublished(req) });

export const recordRoutes: FastifyPluginAsync = async (app) => {
  // ---- reads ----
  addOperation(app, op.getPipeline, ({ req }) => pipeline(app.store, visibility(req)));

  addOperation(app, op.listServices, ({ req }) => listServices(app.store, visibility(req).publishedOnly));

  addOperation(app, op.getService, ({ params, req }) => serviceDetail(app.store, params.id, visibility(req)));

  addOperation(app, op.listWaves, () => waves(app.store));

  addOperation(app, op.listContracts, ({ req }) => contractList(app.store, visibility(req)));

  addOperation(app, op.getContract, ({ params, req }) =>
    contractDetail(app.store, params.id, visibility(req)),
  );

  addOperation(app, op.listDecisions, ({ query, req }) =>
    decisionsWithFlags(app.store, { ...query, ...visibility(req) }),
  );

  addOperation(app, op.listOrganisations, () => organisations(app.store));

  addOperation(app, op.listElections, ({ query }) => elections(app.store, query.body));

  // ---- writes ----
  addOperation(app, op.createService, ({ body, req }) => addService(app.store, body, callerOf(req).username));

  addOperation(app, op.updateService, ({ params, body, req }) =>
    changeService(app.store, params.id, body, callerOf(req).username),
  );

  for (const [operation, table] of [
    [op.publishService, "services"],
    [op.publishContract, "contracts"],
    [op.publishDecision, "decisions"],
  ] as const) {
    addOperation(app, operation, ({ params, body, req }) =>
      setPublication(app.store, table, params.id, body, callerOf(req).username),
    );
  }

  addOperation(app, op.createWave, ({ body, req }) => addWave(app.store, body, callerOf(req).username));
  addOperation(app, op.createContract, ({ body, req }) =>
    addContract(app.store, body, callerOf(req).username),
  );

  addOperation(app, op.updateContract, ({ params, body, req }) =>
    changeContract(app.store, params.id, body, callerOf(req).username),
  );

  addOperation(app, op.createDecision, ({ body, req }) =>
    recordDecision(app.store, body, callerOf(req).username),
  );
};
