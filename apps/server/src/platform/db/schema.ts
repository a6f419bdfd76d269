import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it. The platform declares its own tables here; each module adds
 * its tables to `DB` from its `<module>.tables.ts` (a `declare module` augmentation), so the
 * platform never imports a module. Row types are as stored: booleans 0/1, JSON as text, times
 * as ISO-8601 strings, money as integer fen.
 */
export interface DB extends PlatformTables {}

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
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  request_hash: string;
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

export type SettingTable = {
  id: Generated<number>;
  key: string;
  value_json: string;
  effective_from: string;
  note: string;
  created_by: number | null;
  created_at: string;
};

export type NotificationTable = {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title_key: string;
  params_json: string;
  entity: string | null;
  entity_id: string | null;
  link: string | null;
  read_at: string | null;
  created_at: string;
};

export type AttachmentTable = {
  id: Generated<number>;
  entity: string | null;
  entity_id: number | null;
  original_name: string;
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: number;
  created_at: string;
};

export type ApprovalTable = {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  title: string;
  status: string;
  current_step: number | null;
  amount_fen: number | null;
  step_started_at: string | null;
  last_reminded_at: string | null;
  decided_at: string | null;
  version: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
};

export type ApprovalStepTable = {
  id: Generated<number>;
  approval_id: number;
  step_no: number;
  mode: string;
  approver_id: number;
  decision: string | null;
  comment: string | null;
  decided_at: string | null;
};

export type ApprovalEventTable = {
  id: Generated<number>;
  approval_id: number;
  at: string;
  actor_id: number | null;
  kind: string;
  step_no: number | null;
  comment: string | null;
  target_user_id: number | null;
};

export type CounterTable = { name: string; value: number };

/** The platform's own tables (sessions, audit, settings, inbox, files, approvals, jobs, counters). */
export type PlatformTables = {
  sessions: SessionTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeyTable;
  job_leases: JobLeaseTable;
  job_runs: JobRunTable;
  login_attempts: LoginAttemptTable;
  counters: CounterTable;
  /** Company settings (platform/settings); the table keeps the name it had before "settings" was the word. */
  policies: SettingTable;
  notifications: NotificationTable;
  attachments: AttachmentTable;
  approvals: ApprovalTable;
  approval_steps: ApprovalStepTable;
  approval_events: ApprovalEventTable;
};

export const PLATFORM_TABLES: readonly (keyof PlatformTables)[] = [
  'sessions',
  'audit_log',
  'idempotency_keys',
  'job_leases',
  'job_runs',
  'login_attempts',
  'counters',
  'policies',
  'notifications',
  'attachments',
  'approvals',
  'approval_steps',
  'approval_events',
];
