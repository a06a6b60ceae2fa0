/** Every API route module, registered under /api. A new capability adds its module here. */
import type { FastifyPluginAsync } from "fastify";
import { auditRoutes } from "./audit.ts";
import { authRoutes } from "./auth.ts";
import { decideRoutes } from "./decide.ts";
import { decideDraftRoutes } from "./decide-drafts.ts";
import { healthRoutes } from "./health.ts";
import { recordRoutes } from "./records.ts";
import { reportRoutes } from "./report.ts";
import { releaseRoutes } from "./releases.ts";
import { userRoutes } from "./users.ts";
import { billingRoutes } from "./billing.ts";
import { flagRoutes } from "./flags.ts";
import { ocdsRoutes } from "./ocds.ts";
import { commentRoutes } from "./comments.ts";
import { searchRoutes } from "./search.ts";
import { manageDatesRoutes } from "./manage-dates.ts";
import { managePerformanceRoutes } from "./manage-performance.ts";
import { manageValueRoutes } from "./manage-value.ts";
import { managePaymentRoutes } from "./manage-payment.ts";
import { contractSheetRoutes } from "./contract-sheet.ts";
import { sheetRoutes } from "./sheets.ts";

export const routeModules: FastifyPluginAsync[] = [
  healthRoutes,
  authRoutes,
  userRoutes,
  auditRoutes,
  recordRoutes,
  releaseRoutes,
  decideRoutes,
  decideDraftRoutes,
  sheetRoutes,
  billingRoutes,
  flagRoutes,
  ocdsRoutes,
  manageDatesRoutes,
  managePerformanceRoutes,
  manageValueRoutes,
  managePaymentRoutes,
  contractSheetRoutes,
  commentRoutes,
  searchRoutes,
  reportRoutes,
];
