/**
 * The OCDS 1.0 schemas nous validates 1.0 data against: the published 1.0.3 release and record
 * package schemas (schema/ocds/1.0.3/, unchanged), and the two 1.0.3 schemas nous does not ship,
 * made from those. A 1.0 release package is checked for the package fields the 1.0.3 record
 * package schema defines (`uri`, `publisher`, `license`, `publicationPolicy`, `publishedDate`)
 * and for `releases`, one or more 1.0.3 releases; a 1.0 record's `versionedRelease` is accepted
 * as it is (the 1.0.3 versioned release validation schema is not shipped). Kept apart from
 * schema.ts so that merging, which needs the release schema only, loads nothing more.
 */
import recordPackageSchema10 from "../../schema/ocds/1.0.3/record-package-schema.json" with { type: "json" };
import { schemas } from "./schema.ts";
import { isObject, type JsonObject } from "./types.ts";

const recordPackage10 = recordPackageSchema10 as unknown as JsonObject;
const recordPackageFields = isObject(recordPackage10.properties) ? recordPackage10.properties : {};

/** What 1.0 release packages are checked against (see the file comment). */
const releasePackage10: JsonObject = {
  $schema: "http://json-schema.org/draft-04/schema#",
  title: "OCDS 1.0 release package, as nous checks it",
  type: "object",
  properties: {
    uri: recordPackageFields.uri ?? {},
    publisher: recordPackageFields.publisher ?? {},
    license: recordPackageFields.license ?? {},
    publicationPolicy: recordPackageFields.publicationPolicy ?? {},
    publishedDate: recordPackageFields.publishedDate ?? {},
    releases: {
      type: "array",
      minItems: 1,
      items: { $ref: String(schemas.release10.id) },
      uniqueItems: true,
    },
  },
  required: ["uri", "publisher", "publishedDate", "releases"],
};

/** Stands for the 1.0.3 versioned release validation schema the record package refers to. */
const versionedRelease10: JsonObject = {
  id: "https://standard.open-contracting.org/schema/1__0__3/versioned-release-validation-schema.json",
  description: "Not shipped with nous: a 1.0 record's versionedRelease is not checked",
};

export const schemas10 = {
  release: schemas.release10,
  releasePackage: releasePackage10,
  recordPackage: recordPackage10,
  versionedRelease: versionedRelease10,
};
