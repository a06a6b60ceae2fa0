/**
 * JSON Schema's uniqueItems in linear time. The OCDS package schemas say `"uniqueItems": true` of
 * `releases` and `records`, and of many arrays inside a release. Ajv checks an array of objects
 * by comparing every pair deeply: n²/2 comparisons, so a package of 3,000 releases took 1.8 s to
 * check and one of 100,000 would take hours. Here each item is reduced once to a canonical text
 * (object keys sorted, as in duplicates.ts), and equal texts are equal items, the equality JSON
 * Schema defines (draft 4, section 5.3.4; objects equal whatever the order of their keys).
 *
 * `linearUniqueItems` gives a copy of a schema with each `uniqueItems: true` renamed to
 * `uniqueItemsLinear`, the keyword `UNIQUE_ITEMS_KEYWORD` defines. A failure is reported under
 * the keyword `uniqueItems`, with the pair Ajv would name (params i, the later item, and j),
 * so whoever reads the errors sees no difference.
 */
import { identicalGroups } from "./duplicates.ts";
import { isObject, type Json, type JsonObject } from "./types.ts";

export const LINEAR_KEYWORD = "uniqueItemsLinear";

/** A copy of `schema` whose uniqueItems are checked by UNIQUE_ITEMS_KEYWORD. */
export function linearUniqueItems<T extends Json>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((x) => linearUniqueItems(x)) as T;
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === "uniqueItems" && v === true) out[LINEAR_KEYWORD] = true;
    else out[k] = linearUniqueItems(v);
  }
  return out as T;
}

interface UniqueCheck {
  (schema: boolean, data: Json[]): boolean;
  errors?: { keyword: string; message: string; params: { i: number; j: number } }[];
}

const check: UniqueCheck = (on, data) => {
  check.errors = undefined;
  if (!on || data.length < 2) return true;
  // Ajv looks from the last item back: it names the last item that has an equal one before it,
  // and the nearest such one.
  let i = -1;
  let j = -1;
  for (const g of identicalGroups(data)) {
    if (g.at(-1)! > i) {
      i = g.at(-1)!;
      j = g.at(-2)!;
    }
  }
  if (i < 0) return true;
  check.errors = [
    {
      keyword: "uniqueItems",
      message: `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: { i, j },
    },
  ];
  return false;
};

/** The keyword's definition, for `ajv.addKeyword`. */
export const UNIQUE_ITEMS_KEYWORD = {
  keyword: LINEAR_KEYWORD,
  type: "array" as const,
  schemaType: "boolean" as const,
  errors: true,
  validate: check,
};
