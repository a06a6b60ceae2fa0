/**
 * The billing contract agrees with what it names but cannot import (the dashboard loads it, so it
 * carries no engine or server code): its rule ids are the engine registry's, its upload files
 * are the reader's, its upload limit is the server's; and the billing store keeps to queries,
 * loading no reader, demo data or engine code.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleTitle } from "../../src/app/billing.ts";
import { BILLING_TITLES, RULE_IDS } from "../../src/billing/types.ts";
import {
  BILLING_RULE_IDS,
  BILLING_UPLOAD_FILES,
  UploadBody,
  uploadBillingRun,
} from "../../src/contract/billing.ts";
import { BILLING_FILES } from "../../src/io/billing-load.ts";
import { UPLOAD_BODY_LIMIT } from "../../src/server/json-body.ts";

describe("billing contract", () => {
  it("lists the engine registry's rule ids, in id order", () => {
    expect([...BILLING_RULE_IDS]).toEqual([...RULE_IDS]);
  });

  it("serves each rule's title from the registry", () => {
    for (const id of RULE_IDS) expect(ruleTitle(id)).toBe(BILLING_TITLES[id]);
  });

  it("names the files the reader reads, and only those, in the list and in the upload's body", () => {
    expect(BILLING_UPLOAD_FILES.map((f) => f.name).sort()).toEqual(Object.values(BILLING_FILES).sort());
    const files = UploadBody.shape.files;
    expect(Object.keys(files.shape).sort()).toEqual(Object.values(BILLING_FILES).sort());
    for (const f of BILLING_UPLOAD_FILES) expect(files.shape[f.name].isOptional(), f.name).toBe(!f.required);
  });

  it("accepts an upload as large as the server's upload limit", () => {
    expect(uploadBillingRun.bodyLimit).toBe(UPLOAD_BODY_LIMIT);
  });

  it("leaves the store with queries only: no reader, demo data or engine code", () => {
    for (const file of ["src/store/billing.ts", "src/store/billing-schema.ts"]) {
      const source = readFileSync(file, "utf8");
      const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)];
      const loaded = imports.filter((m) => !m[1]).map((m) => m[2]!);
      expect(
        loaded.filter((p) => /\/(io|demo|billing)\//.test(p)),
        file,
      ).toEqual([]);
    }
  });
});
