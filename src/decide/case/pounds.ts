/** A zod field for pounds (a JSON number with at most two decimals), turned into integer pence. */
import { z } from "zod";

export const poundsField = z
  .number()
  .refine(
    (x) => Number.isFinite(x) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6,
    "expected pounds with at most 2 decimals",
  );

export const toPence = (pounds: number): number => Math.round(pounds * 100);
