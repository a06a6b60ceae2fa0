/**
 * Suppliers and buyers present in `parties`: OCDS names organisations once, in `parties`, and
 * refers to them by id elsewhere. A buyer, procuring entity, tenderer or supplier whose id is
 * not in `parties` cannot be identified, so nobody can see who was paid or who bought, and
 * red flags that group by organisation miss it.
 */
import { isObject, type JsonObject } from "../types.ts";
import { objects, ocidOf, type QualityCheck, type QualityFinding } from "./check.ts";

export const partiesPresent: QualityCheck = {
  id: "parties-present",
  family: "quality",
  name: "Suppliers and buyers present in parties",
  detects: "A buyer, procuring entity, tenderer or supplier referred to by an id that is not in the release's parties.",
  whyItMatters: "An organisation missing from parties cannot be identified, so nobody can see who bought or who was paid, and red flags grouped by organisation miss it.",
  run(release: JsonObject) {
    const out: QualityFinding[] = [];
    const ids = new Set(objects(release.parties).map((p) => String(p.id)));
    const ocid = ocidOf(release);
    const need = (ref: unknown, path: string, what: string) => {
      if (!isObject(ref)) return;
      if (ref.id === undefined || ref.id === null) {
        out.push({ ocid, path, message: `${what} has no id to find it in parties` });
      } else if (!ids.has(String(ref.id))) {
        out.push({
          ocid,
          path: `${path}.id`,
          message: `${what} ${JSON.stringify(ref.id)} is not in parties`,
        });
      }
    };
    need(release.buyer, "$.buyer", "buyer");
    if (isObject(release.tender)) {
      need(release.tender.procuringEntity, "$.tender.procuringEntity", "procuring entity");
      const tenderers = objects(release.tender.tenderers);
      for (let i = 0; i < tenderers.length; i++) need(tenderers[i], `$.tender.tenderers[${i}]`, "tenderer");
    }
    const awards = objects(release.awards);
    for (let i = 0; i < awards.length; i++) {
      const suppliers = objects(awards[i]!.suppliers);
      for (let j = 0; j < suppliers.length; j++)
        need(suppliers[j], `$.awards[${i}].suppliers[${j}]`, "supplier");
    }
    return out;
  },
};
