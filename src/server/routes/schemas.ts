/** JSON-schema pieces every route module shares, so a field means the same thing on every route. */

/** Why a change is made: required on every write, kept in the audit trail. */
export const reason = {
  type: "string",
  minLength: 1,
  description: "Why the change is made; kept in the audit trail",
} as const;

/** A record id in the path. */
export const idParam = { type: "object", required: ["id"], properties: { id: { type: "string" } } } as const;

/** A record id chosen by the user: lower-case letters, digits and hyphens. */
export const slug = { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,62}$" } as const;

/** Body of a publish-or-withdraw route. */
export const publicationBody = {
  type: "object",
  required: ["published", "reason"],
  additionalProperties: false,
  properties: { published: { type: "boolean" }, reason },
} as const;
