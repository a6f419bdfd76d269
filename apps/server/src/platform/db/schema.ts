import type { Generated } from 'kysely';

/** Row types of every table, as stored (booleans are 0/1, JSON is text, times are ISO strings). */
export type DepartmentTable = {
  id: Generated<number>;
  name: string;
  code: string | null;
  kind: string;
  parent_id: number | null;
  manager_id: number | null;
  description: string;
  sort_order: number;
  active: number;
  version: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
};

export type UserTable = {
  id: Generated<number>;
  username: string;
  name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  role: string;
  position_title: string | null;
  department_id: number | null;
  supervisor_id: number | null;
  business_areas: string;
  customer_facing: number;
  active: number;
  hire_date: string | null;
  locale: string | null;
  must_change_password: number;
  last_login_at: string | null;
  version: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
};

export type SessionTable = {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
};

export type ApiTokenTable = {
  id: Generated<number>;
  name: string;
  token_hash: string;
  prefix: string;
  user_id: number;
  created_by: number | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type AuditLogTable = {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
};

export type IdempotencyKeyTable = {
  user_id: number;
  key: string;
  route: string;
  status_code: number;
  response_json: string;
  created_at: string;
};

export type JobLeaseTable = {
  name: string;
  holder: string;
  lease_until: string;
  last_run_at: string | null;
};

export type JobRunTable = {
  id: Generated<number>;
  name: string;
  slot: string;
  holder: string;
  started_at: string;
};

export type LoginAttemptTable = {
  id: Generated<number>;
  ip: string;
  username: string;
  at: string;
  success: number;
};

export type DB = {
  departments: DepartmentTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeyTable;
  job_leases: JobLeaseTable;
  job_runs: JobRunTable;
  login_attempts: LoginAttemptTable;
};
