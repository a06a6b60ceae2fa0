/**
 * Spreadsheets for the decide documents people keep in spreadsheets: a delivery model
 * assessment's scoring sheet and a workforce plan. Each downloads filled from the stored
 * document (XLSX, or CSV with `?format=csv`) and uploads back (either format), every bad cell
 * named by sheet, row and column, nothing stored unless all of it is valid.
 */
import { z } from "zod";
import { dmaOperations, workforceOperations } from "./decide.ts";
import { IdParams, SHEET_UPLOAD_BYTES, SheetFormatQuery, SheetUpload } from "./fields.ts";
import { defineOperation } from "./operation.ts";
import { COMMERCIAL, STAFF } from "./roles.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The base64 of the largest upload, with room for the JSON around it. */
const UPLOAD_BODY = Math.ceil(SHEET_UPLOAD_BYTES / 3) * 4 + 16 * 1024;
const tags = ["decide"];

export const getDmaSheet = defineOperation({
  operationId: "getDmaSheet",
  method: "GET",
  path: "/decide/dmas/:id/sheet",
  summary: "A delivery model assessment's scoring sheet, filled: XLSX, or CSV with ?format=csv",
  tags,
  roles: STAFF,
  params: IdParams,
  query: SheetFormatQuery,
  response: z.string(),
  produces: XLSX,
  errors: ["not_found"],
});

export const putDmaSheet = defineOperation({
  operationId: "putDmaSheet",
  method: "PUT",
  path: "/decide/dmas/:id/sheet",
  summary: "Store the scores, evidence and weights of an uploaded scoring sheet (XLSX or CSV)",
  tags,
  roles: COMMERCIAL,
  params: IdParams,
  body: SheetUpload,
  bodyLimit: UPLOAD_BODY,
  response: dmaOperations.put.response,
  errors: ["bad_cells", "bad_input", "not_found"],
});

export const getWorkforceSheet = defineOperation({
  operationId: "getWorkforceSheet",
  method: "GET",
  path: "/decide/workforce/:id/sheet",
  summary: "A workforce plan as a spreadsheet, filled: XLSX, or CSV with ?format=csv",
  tags,
  roles: STAFF,
  params: IdParams,
  query: SheetFormatQuery,
  response: z.string(),
  produces: XLSX,
  errors: ["not_found"],
});

export const putWorkforceSheet = defineOperation({
  operationId: "putWorkforceSheet",
  method: "PUT",
  path: "/decide/workforce/:id/sheet",
  summary: "Store the workforce plan an uploaded spreadsheet holds (XLSX or CSV)",
  tags,
  roles: COMMERCIAL,
  params: IdParams,
  body: SheetUpload,
  bodyLimit: UPLOAD_BODY,
  response: workforceOperations.put.response,
  errors: ["bad_cells", "bad_input", "not_found"],
});
