// Generated from the migrated schema by `npm run db:types`. Do not edit by hand:
// change a migration, then regenerate. A test checks this file against the database.
import type { Generated, GeneratedAlways } from 'kysely';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface AuditLogTable {
  id: GeneratedAlways<number>;
  org_id: string | null;
  actor_id: string | null;
  action: string;
  subject_type: Generated<string>;
  subject_id: Generated<string>;
  detail: Generated<Json>;
  ip: Generated<string>;
  at: Generated<Date>;
}

export interface EmailTokensTable {
  token_hash: string;
  purpose: string;
  email: string;
  person_id: string | null;
  org_id: string | null;
  role: string | null;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface InstanceSettingsTable {
  key: string;
  value: Json;
}

export interface MembershipsTable {
  org_id: string;
  person_id: string;
  role: string;
  created_at: Generated<Date>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  status: Generated<string>;
  summary: Generated<string>;
  town: Generated<string>;
  region: Generated<string>;
  size_band: Generated<string>;
  status_changed_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PeopleTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  network_role: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  person_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  user_agent: Generated<string>;
}

export interface SignInAttemptsTable {
  id: GeneratedAlways<number>;
  email: string;
  ip: string;
  succeeded: boolean;
  at: Generated<Date>;
}

export interface DB {
  audit_log: AuditLogTable;
  email_tokens: EmailTokensTable;
  instance_settings: InstanceSettingsTable;
  memberships: MembershipsTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  schema_migrations: SchemaMigrationsTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
}
