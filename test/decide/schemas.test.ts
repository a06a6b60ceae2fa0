import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { decideSchemas } from "./schemas.ts";

describe("published decide schemas", () => {
  const schemas = decideSchemas();

  it("match their zod definitions (regenerate with: npx tsx test/decide/write-schemas.ts)", () => {
    for (const [file, schema] of Object.entries(schemas)) {
      expect(JSON.parse(readFileSync(file, "utf8")), file).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it("accept the example files and reject a wrong amount", () => {
    const ajv = new Ajv2020.default({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync("schema/decide/case.schema.json", "utf8")));
    for (const f of [
      "docs/decide/examples/simple-case.json",
      "docs/decide/examples/met-business-support-case.json",
    ]) {
      const ok = validate(JSON.parse(readFileSync(f, "utf8")));
      expect(ok, `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(
      validate({
        name: "x",
        discounting: "green-book",
        options: [{ id: "a", cashflows: [{ year: 0, category: "capex", amount: "1" }] }],
      }),
    ).toBe(false);
  });
});
