/**
 * Request fields that mean the same on every operation (a reason, a chosen id, a sum of money,
 * a date), as zod schemas for the contracts of every area. Each derives the JSON Schema keywords
 * the server's validator and its plain-words messages read (src/server/routes/schemas.ts).
 */
import { z } from "zod";
import { MAX_PENCE } from "../shared/money.ts";

/** Why a change is made: required on every write, kept in the audit trail. */
export const reason = z.string().min(1).describe("Why the change is made; kept in the audit trail");

/** A record id chosen by the user: lower-case letters, digits and hyphens. */
export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

/** A record id in the path. */
export const IdParams = z.object({ id: z.string() });

/**
 * Money in integer pence, from `minimum` (0 for a price or a value, -MAX_PENCE where a negative
 * sum means something, as savings that turned into a loss) to MAX_PENCE: without the bounds 1e308
 * passes as an "integer", and 2^53 + 1 silently loses a penny.
 */
export function pence(minimum: number, description = "Money in integer pence") {
  return z.number().int().min(minimum).max(MAX_PENCE).describe(description);
}

/** The smallest sum a pence field that may be negative takes. */
export const NEGATIVE_PENCE = -MAX_PENCE;

/**
 * A calendar date, YYYY-MM-DD, checked by the validator's `date` format (so its message names the
 * format, not a long pattern).
 */
export const isoDate = z.string().meta({ format: "date" });

/** Body of a publish-or-withdraw operation. */
export const PublicationBody = z.object({ published: z.boolean(), reason }).strict();

/** What a publish-or-withdraw operation answers. */
export const Publication = z.object({ id: z.string(), published: z.boolean() });

/** The answer of an operation that only reports it was done. */
export const Done = z.object({ ok: z.literal(true) });

/** Largest body of sign-in and the account operations (4 KiB): a reason, a name, a password, never more. */
export const AUTH_BODY_LIMIT = 4 * 1024;
/** Largest body of an operation that takes files: a billing run's CSV registers, a batch of OCDS releases (64 MiB). */
export const UPLOAD_BODY_LIMIT = 64 * 1024 * 1024;

/** The largest spreadsheet nous takes in one upload, in bytes (about 13.3 MiB once base64-encoded). */
export const SHEET_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * A spreadsheet sent back filled in: its name (which says CSV or XLSX, though the bytes decide)
 * and its bytes as base64, with the reason kept in the audit trail.
 */
export const SheetUpload = z
  .object({
    fileName: z.string().min(1).max(200).describe("The file's name as the person saved it, e.g. scores.xlsx"),
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil(SHEET_UPLOAD_BYTES / 3) * 4)
      .describe("The CSV or XLSX file, base64-encoded"),
    reason,
  })
  .strict();
export type SheetUpload = z.infer<typeof SheetUpload>;

/** Which file a template download gives. */
export const SheetFormatQuery = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") }).strict();
