/**
 * Transactions not above contract value: the payments recorded against a contract should not
 * add up to more than the contract is worth. More paid than contracted means an unpublished
 * change, a missing amendment, or money paid that was never owed - the pattern behind the
 * electronic-tagging overbilling. Only transactions in the contract's currency are summed.
 */
import type { JsonObject } from "../types.ts";
import { fmt, money, objects, ocidOf, type QualityCheck, type QualityFinding } from "./check.ts";

export const transactionsWithinContract: QualityCheck = {
  id: "transactions-within-contract",
  family: "quality",
  name: "Transactions not above contract value",
  detects: "A contract whose transactions in its own currency add up to more than the contract's value.",
  whyItMatters: "More paid than contracted means an unpublished change, a missing amendment or money paid that was never owed.",
  run(release: JsonObject) {
    const out: QualityFinding[] = [];
    objects(release.contracts).forEach((c, i) => {
      const cv = money(c.value);
      if (!cv) return;
      const impl = c.implementation;
      const txs = impl && typeof impl === "object" && !Array.isArray(impl) ? objects(impl.transactions) : [];
      let paid = 0;
      for (const t of txs) {
        const v = money(t.value ?? t.amount);
        if (v && v.currency === cv.currency) paid += v.minor;
      }
      if (paid > cv.minor) {
        out.push({
          ocid: ocidOf(release),
          path: `$.contracts[${i}].implementation.transactions`,
          message: `transactions total ${fmt(paid, cv.currency)}, more than the contract value ${fmt(cv.minor, cv.currency)}`,
        });
      }
    });
    return out;
  },
};
