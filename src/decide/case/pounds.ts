/**
 * Zod fields for money in the decide files, given in pounds (JSON numbers). Each is bounded by
 * MAX_POUNDS (MAX_PENCE, £10 trillion, in pounds; src/shared/money.ts says why), so a typing slip
 * such as 1e308 is refused with its path instead of overflowing a sum or losing pennies.
 */
import { z } from "zod";
import { MAX_POUNDS } from "../../shared/money.ts";

/**
 * Pounds (a JSON number with at most two decimals) from 0 to MAX_POUNDS, turned into integer
 * pence with toPence: a payment, a budget, a cost.
 */
export const poundsField = z
  .number()
  .min(0, `expected pounds from 0 to ${MAX_POUNDS}`)
  .max(MAX_POUNDS, `expected pounds from 0 to ${MAX_POUNDS}`)
  .refine(
    (x) => Number.isFinite(x) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6,
    "expected pounds with at most 2 decimals",
  );

/** A sum in pounds of an appraisal, any sign (costs negative), within MAX_POUNDS either way. */
export const signedPounds = z
  .number()
  .min(-MAX_POUNDS, `expected pounds from -${MAX_POUNDS} to ${MAX_POUNDS}`)
  .max(MAX_POUNDS, `expected pounds from -${MAX_POUNDS} to ${MAX_POUNDS}`);

export const toPence = (pounds: number): number => Math.round(pounds * 100);
