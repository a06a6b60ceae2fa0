import { describe, expect, it } from "vitest";
import { issueCsvRow, prepareRelease } from "./prepare.ts";
import { emptySettings, parseSettings } from "./settings.ts";

describe("prepare", () => {
  it("reports a bid status that is not set, as Cardinal's CSV row", () => {
    const r = prepareRelease({ ocid: "ocds-213czf-1", bids: { details: [{ id: 1 }] } }, emptySettings(), 1);
    expect(r.issues.map(issueCsvRow)).toEqual(["1,ocds-213czf-1,/bids/details[]/status,0,,not set"]);
  });

  it("writes a publisher's ocid or value that would read as a spreadsheet formula as text", () => {
    const r = prepareRelease(
      {
        ocid: '=HYPERLINK("http://x","y")',
        bids: { details: [{ status: "@SUM(1+1)" }, { status: "-2+3" }] },
      },
      emptySettings(),
      3,
    );
    expect(r.issues.map(issueCsvRow)).toEqual([
      `3,"'=HYPERLINK(""http://x"",""y"")",/bids/details[]/status,0,'@SUM(1+1),invalid`,
      `3,"'=HYPERLINK(""http://x"",""y"")",/bids/details[]/status,1,'-2+3,invalid`,
    ]);
  });

  it("fills in defaults, re-maps codes and reports invalid codes and zero amounts", () => {
    const s = parseSettings(
      "[defaults]\ncurrency = USD\naward_status = active\n[codelists.bid_status]\nQualified = valid\n",
    );
    const r = prepareRelease(
      {
        ocid: "X",
        bids: {
          details: [
            { status: "Qualified", value: { amount: 0 } },
            { status: "Odd", value: { amount: 5 } },
          ],
        },
        awards: [{ id: 1 }],
      },
      s,
      7,
    );
    expect(r.release.bids.details[0]).toEqual({ status: "valid", value: { amount: 0, currency: "USD" } });
    expect(r.release.awards[0]).toEqual({ id: "1", status: "active" });
    expect(r.issues.map(issueCsvRow)).toEqual([
      "7,X,/bids/details[]/value/amount,0,0,is zero",
      "7,X,/bids/details[]/status,1,Odd,invalid",
    ]);
  });

  it("normalizes structures and ids, redacts, prefixes and splits", () => {
    const s = parseSettings(
      "[redactions]\namount = 0\norganization_id = dummy\n" +
        "[modifications]\nprefix_tenderer_or_supplier_id = DO-RPE-\nsplit_procurement_method_details = -\n",
    );
    const r = prepareRelease(
      {
        ocid: "X",
        tender: { procurementMethodDetails: "Licitación - Nacional" },
        bids: {
          details: [{ status: "valid", tenderers: { id: 1422 }, value: { amount: 0, currency: "USD" } }],
        },
        awards: [{ status: "active", suppliers: [{ id: "dummy" }, { id: "DO-RPE-9" }] }],
      },
      s,
      1,
    );
    expect(r.release.tender.procurementMethodDetails).toBe("Licitación");
    expect(r.release.bids.details[0]).toEqual({
      status: "valid",
      tenderers: [{ id: "DO-RPE-1422" }],
      value: { currency: "USD" },
    });
    expect(r.release.awards[0].suppliers).toEqual([{}, { id: "DO-RPE-9" }]);
    expect(r.issues).toEqual([]);
  });

  it("cancels an award whose contracts are all cancelled, and fills party roles (sorted, every duplicate)", () => {
    const s = parseSettings(
      "[corrections]\naward_status_by_contract_status = true\n[defaults]\nparty_roles = true\n",
    );
    const r = prepareRelease(
      {
        ocid: "X",
        buyer: { id: "B" },
        parties: [{ id: "B" }, { id: "S", roles: ["tenderer"] }, { id: "B", roles: ["custom"] }],
        awards: [{ id: "1", status: "active", suppliers: [{ id: "S" }] }],
        contracts: [{ awardID: 1, status: "cancelled" }],
      },
      s,
      1,
    );
    expect(r.release.awards[0].status).toBe("cancelled");
    expect(r.release.parties).toEqual([
      { id: "B", roles: ["buyer"] },
      { id: "S", roles: ["supplier", "tenderer"] },
      { id: "B", roles: ["buyer", "custom"] },
    ]);
  });

  it("moves auction bids to /bids/details", () => {
    const s = parseSettings("[modifications]\nmove_auctions = true\n");
    const r = prepareRelease(
      { ocid: "X", auctions: [{ stages: [{ id: 1, bids: [{ status: "valid" }] }] }] },
      s,
      1,
    );
    expect(r.release).toEqual({
      ocid: "X",
      auctions: [{ stages: [{ id: 1 }] }],
      bids: { details: [{ status: "valid" }] },
    });
  });
});
