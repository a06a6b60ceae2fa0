/**
 * Writes the JSON schemas of the decide files from their zod definitions:
 *   npx tsx test/decide/write-schemas.ts
 * test/decide/schemas.test.ts fails when a committed schema has drifted from its definition.
 */
import { writeFileSync } from "node:fs";
import { decideSchemas } from "./schemas.ts";

for (const [file, schema] of Object.entries(decideSchemas())) {
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
