/**
 * The database schema as Kysely types: one interface per table, carried from the database to
 * every caller. OCDS data (releases) is stored as OCDS JSON; nous's own data (services, decisions,
 * registers) lives beside it and links to it by `ocid`.
 *
 * Conventions, the same on SQLite and PostgreSQL:
 * - money is integer pence (`*_pence`, bigint on PostgreSQL), never a float;
 * - dates are ISO `YYYY-MM-DD` text, instants ISO 8601 text in UTC;
 * - booleans are integers 0/1; structured values are JSON text (`*_json`).
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { DecideTables } from "./decide-schema.ts";
import type { DecideVersionTables } from "./decide-drafts-schema.ts";
import type { BillingTables } from "./billing-schema.ts";
import type { ContractEventsTables } from "./manage-schema.ts";
import type { SignInTables } from "./sign-in-schema.ts";
import type { PerformanceTables } from "./manage-performance-schema.ts";
import type { PortalTables } from "./portal-schema.ts";
import type { ContractTermsTables } from "./manage-dates-schema.ts";
import type { ValueTables } from "./manage-value-schema.ts";
import type { PaymentTables } from "./manage-payment-schema.ts";

import type { Role } from "../contract/roles.ts";

// The roles are defined once, in the API contract; the store keeps these names for its callers.
export { ACCOUNT_ROLES, ROLES, type Role } from "../contract/roles.ts";

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Exclude<Role, "public">;
  password_hash: string;
  created_at: string;
  disabled: Generated<number>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  token_hash: string;
  user_id: number;
  name: string;
  created_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  reason: string;
  data_json: string;
  prev_hash: string;
  hash: string;
}

/** The head of the audit chain: one row, locked while an entry is appended. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  notes: string;
  demo_fields_json: string;
  source: string;
}

export interface WavesTable {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string | null;
  description: string;
  demo_fields_json: string;
  source: string;
}

export interface ServicesTable {
  id: string;
  name: string;
  description: string;
  owner: string;
  annual_cost_pence: number | null;
  staff: number | null;
  volumes: string;
  classification: "core" | "non-core";
  classification_reason: string;
  stage: string;
  wave_id: string | null;
  published: number;
  demo_fields_json: string;
  source: string;
}

export interface ContractsTable {
  id: string;
  ocid: string | null;
  title: string;
  buyer: string;
  supplier: string;
  service_ids_json: string;
  description: string;
  value_pence: number | null;
  savings_claimed_pence: number | null;
  awarded_on: string | null;
  start_date: string | null;
  end_date: string | null;
  max_end_date: string | null;
  status: string;
  published: number;
  demo_fields_json: string;
  source: string;
}

export interface DecisionsTable {
  id: string;
  service_id: string | null;
  contract_id: string | null;
  decided_on: string;
  gate: string;
  title: string;
  outcome: string;
  rationale: string;
  drivers_json: string;
  decided_by: string;
  out_of_order_reason: string | null;
  published: number;
  demo_fields_json: string;
  source: string;
}

export interface ElectionsTable {
  body: string;
  held_on: string;
  name: string;
  source: string;
}

export interface ReleasesTable {
  ocid: string;
  release_id: string;
  date: string;
  tags: string;
  buyer: string | null;
  data_json: string;
  imported_at: string;
}

/** The foundation's tables. Each capability keeps its tables in its own src/store/<area>-schema.ts. */
export interface CoreTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  organisations: OrganisationsTable;
  waves: WavesTable;
  services: ServicesTable;
  contracts: ContractsTable;
  decisions: DecisionsTable;
  elections: ElectionsTable;
  releases: ReleasesTable;
}

/** Every table. A capability adds its tables by extending this interface here. */
export interface Database extends CoreTables, DecideTables, BillingTables, ContractEventsTables, SignInTables, PortalTables, PerformanceTables, ContractTermsTables, DecideVersionTables, ValueTables, PaymentTables {}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type NewService = Insertable<ServicesTable>;
export type ServiceUpdate = Updateable<ServicesTable>;
export type ContractRow = Selectable<ContractsTable>;
export type NewContract = Insertable<ContractsTable>;
export type ContractUpdate = Updateable<ContractsTable>;
export type DecisionRow = Selectable<DecisionsTable>;
export type NewDecision = Insertable<DecisionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type ReleaseRow = Selectable<ReleasesTable>;
