/**
 * Who may call what. The roles an account can hold, plus `public` for anyone not signed in, and
 * the groups of them that operations name. One definition: the store, the server's role check,
 * the OpenAPI document and the dashboard all read these.
 */
export const ROLES = ["admin", "commercial", "contract-manager", "finance", "scrutineer", "public"] as const;
export type Role = (typeof ROLES)[number];

/** The roles an account can hold: every role but `public`. */
export const ACCOUNT_ROLES = ROLES.filter((r) => r !== "public") as Exclude<Role, "public">[];
export type AccountRole = Exclude<Role, "public">;

/** Everyone, including anonymous visitors (who see only published data). */
export const ANYONE: readonly Role[] = ROLES;
/** Every signed-in account. */
export const STAFF: readonly Role[] = ["admin", "commercial", "contract-manager", "finance", "scrutineer"];
export const ADMIN: readonly Role[] = ["admin"];
/** Buyer side: builds the pipeline, takes the gates. */
export const COMMERCIAL: readonly Role[] = ["admin", "commercial"];
/** Those who manage live contracts and check invoices. */
export const CONTRACT_SIDE: readonly Role[] = ["admin", "commercial", "contract-manager"];
