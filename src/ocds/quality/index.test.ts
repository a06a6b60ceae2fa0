import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../types.ts";
import { runQualityChecks } from "./index.ts";

describe("quality report", () => {
  it("finds the fictional example's compiled release coherent", () => {
    const pkg = JSON.parse(
      readFileSync(
        new URL("../../../test/fixtures/ocds/fictional/record/ocds-213czf-000-00001.json", import.meta.url),
        "utf8",
      ),
    ) as { records: { compiledRelease: JsonObject }[] };
    const report = runQualityChecks([pkg.records[0]!.compiledRelease]);
    expect(report.releases).toBe(1);
    expect(report.checks.map((c) => [c.id, c.checked, c.failed])).toEqual([
      ["period-order", 1, 0],
      ["contract-award-value", 1, 0],
      ["transactions-within-contract", 1, 0],
      ["parties-present", 1, 0],
      ["date-order", 1, 0],
    ]);
    expect(report.coherent).toBe(1);
  });

  it("counts releases failing each check and keeps examples", () => {
    const bad: JsonObject = {
      ocid: "ocds-x-1",
      parties: [],
      buyer: { id: "B" },
      contracts: [{ id: "c", awardID: "a", period: { startDate: "2021-01-01", endDate: "2020-01-01" } }],
    };
    const good: JsonObject = { ocid: "ocds-x-2", parties: [{ id: "B" }], buyer: { id: "B" } };
    const report = runQualityChecks([bad, good, bad], { maxExamples: 1 });
    expect(report.releases).toBe(3);
    expect(report.coherent).toBe(1);
    const byId = new Map(report.checks.map((c) => [c.id, c]));
    expect(byId.get("period-order")!.failed).toBe(2);
    expect(byId.get("period-order")!.examples).toEqual([
      {
        ocid: "ocds-x-1",
        path: "$.contracts[0].period",
        message: "period ends (2020-01-01) before it starts (2021-01-01)",
      },
    ]);
    expect(byId.get("parties-present")!.findings).toBe(2);
  });
});
