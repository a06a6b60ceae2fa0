/**
 * R044 Business similarities between suppliers: different tenderers in the same contracting
 * process share the exact same address or a contact point field (name, email, telephone, fax,
 * url). Shared details suggest the companies are connected, and their "competition" may be staged.
 */
import { addToSetMap, concatFlags, defineIndicator, flagColumns, pushFlag } from "../types.ts";
import type { Json } from "../view.ts";

const ADDRESS_FIELDS = ["streetAddress", "locality", "region", "postalCode", "countryName"];
const CONTACT_FIELDS = ["name", "email", "telephone", "faxNumber", "url"];

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Keys that, when shared by two tenderers, make them similar. */
function similarityKeys(party: Json): string[] {
  const keys: string[] = [];
  // The exact same address: every field equal, as written (an address with no field set is no match).
  if (isObject(party.address)) {
    const parts: string[] = [];
    let any = false;
    for (const f of ADDRESS_FIELDS) {
      const v = party.address[f];
      const text = typeof v === "string" ? v : "";
      if (text !== "") any = true;
      parts.push(text);
    }
    if (any) keys.push(`address\u0000${parts.join("\u0000")}`);
  }
  if (isObject(party.contactPoint)) {
    for (const f of CONTACT_FIELDS) {
      const v = party.contactPoint[f];
      if (typeof v === "string" && v !== "") keys.push(`contactPoint.${f}\u0000${v}`);
    }
  }
  return keys;
}

export const R044 = defineIndicator({
  meta: {
    code: "R044",
    name: "Business similarities between suppliers",
    definition: "Different tenderers bidding for the same contracting process have similar information.",
    methodology:
      "The tenderers of a process are the parties with the 'tenderer' role and the tenderers of its bids, looked " +
      "up in /parties by id. A process is flagged if two different tenderers have the exact same address (street " +
      "address, locality, region, postal code and country all equal), or " +
      "the same value in any contact point field (name, email, telephone, faxNumber, url). These tenderers are " +
      "also flagged.",
    risk: "Similarities between suppliers may indicate that the companies are connected and not truly competing.",
    output: "Always 1.0, for the contracting process and for the tenderers.",
    settings: [],
    groups: ["OCID", "Tenderer"],
  },
  create() {
    return {
      code: "R044",
      init: flagColumns,
      fold(acc, view) {
        const parties = view.release.parties;
        if (!Array.isArray(parties) || parties.length < 2) return acc;
        const byId = new Map<string, Json>();
        const tenderers = new Set<string>();
        for (const p of parties) {
          if (!isObject(p) || typeof p.id !== "string") continue;
          byId.set(p.id, p);
          if (Array.isArray(p.roles) && p.roles.includes("tenderer")) tenderers.add(p.id);
        }
        for (const bid of view.bids) for (const t of bid.tenderers) if (byId.has(t)) tenderers.add(t);
        if (tenderers.size < 2) return acc;
        const owners = new Map<string, Set<string>>();
        for (const t of tenderers) for (const k of similarityKeys(byId.get(t))) addToSetMap(owners, k, t);
        const flagged = new Map<string, Set<string>>();
        for (const [k, ids] of owners) {
          if (ids.size < 2) continue;
          const field = k.slice(0, k.indexOf("\u0000"));
          for (const id of ids) addToSetMap(flagged, id, field);
        }
        if (flagged.size === 0) return acc;
        const matches: Record<string, string[]> = {};
        for (const [id, fields] of flagged) matches[id] = [...fields];
        const values = { sharedFields: matches, ocid: view.ocid };
        pushFlag(acc, {
          group: "OCID",
          id: view.ocid,
          value: 1,
          measured: flagged.size,
          threshold: 2,
          comparison: ">=",
          values,
        });
        for (const id of flagged.keys()) {
          // Cardinal documents no map for R044: the tenderers of each flagged process are in the values.
          pushFlag(acc, { group: "Tenderer", id, value: 1, values });
        }
        return acc;
      },
      reduce: concatFlags,
      finalize: (acc) => ({ flags: acc }),
    };
  },
});
