import type { Generated } from 'kysely';

type Meta = { version: number; created_at: string; created_by: number | null; updated_at: string };

/** A project, created when its contract is signed (createProjectFromContract). */
export type ProjectTable = Meta & {
  id: Generated<number>;
  code: string;
  name: string;
  status: string;
  contract_id: number;
  customer_id: number;
  pm_id: number;
  start_date: string;
  end_date: string;
  budget_fen: number;
  actual_start: string | null;
  actual_end: string | null;
  closed_at: string | null;
  write_off_fen: Generated<number>;
  write_off_reason: string | null;
};

/** A milestone: planned from the proposal at signing, actuals filled during execution. */
export type ProjectMilestoneTable = {
  id: Generated<number>;
  project_id: number;
  seq: number;
  name: string;
  planned_start: string;
  planned_end: string;
  deliverable: string;
  weight: Generated<number>;
  actual_start: string | null;
  actual_end: string | null;
  version: Generated<number>;
};

export type ProjectBudgetLineTable = { id: Generated<number>; project_id: number; seq: number; item: string; amount_fen: number };

export type ProjectMemberTable = Meta & {
  id: Generated<number>;
  project_id: number;
  user_id: number;
  project_role: string;
  responsibilities: string;
  joined_on: string;
  left_on: string | null;
  active: number;
};

export type ProjectTaskTable = Meta & {
  id: Generated<number>;
  project_id: number;
  milestone_id: number;
  seq: number;
  name: string;
  owner_id: number;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  weight: number;
  progress: number;
  depends_on: string;
  note: string;
};

export type ProgressReportTable = {
  id: Generated<number>;
  project_id: number;
  user_id: number;
  period: string;
  percent_tenths: number;
  work_done: string;
  next_steps: string;
  problems: string;
  tasks_json: string;
  created_at: string;
};

export type ProjectIssueTable = Meta & {
  id: Generated<number>;
  project_id: number;
  title: string;
  description: string;
  severity: string;
  status: string;
  owner_id: number | null;
  reported_by: number;
  due_date: string | null;
  escalated_at: string | null;
  escalation_reason: string | null;
  meeting_date: string | null;
  participants: string | null;
  discussion: string | null;
  decision: string | null;
  decided_by: number | null;
  decided_at: string | null;
  resolution: string | null;
  closed_at: string | null;
  closed_by: number | null;
};

export type ChangeRequestTable = Meta & {
  id: Generated<number>;
  project_id: number;
  code: string;
  status: string;
  title: string;
  description: string;
  requested_by: string;
  requested_on: string;
  scope_impact: string;
  schedule_impact: string;
  budget_impact_fen: number;
  schedule_impact_days: number;
  changes_json: string;
  before_json: string | null;
  after_json: string | null;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
};

export type ExpenseTable = Meta & {
  id: Generated<number>;
  code: string;
  project_id: number;
  budget_line_id: number;
  claimant_id: number;
  category: string;
  amount_fen: number;
  expense_date: string;
  description: string;
  status: string;
  over_budget: number;
  over_budget_approved_by: number | null;
  pm_approved_at: string | null;
  approved_at: string | null;
  rejected_at: string | null;
  rejected_by: number | null;
  reject_reason: string | null;
  paid_on: string | null;
  paid_by: number | null;
  paid_note: string | null;
};

export type AcceptanceTable = {
  id: Generated<number>;
  project_id: number;
  kind: string;
  round: number;
  status: string;
  accepted_date: string | null;
  signer: string | null;
  note: string;
  rework_items_json: string;
  rework_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_by: number | null;
  created_at: string;
};

export type AcceptanceItemTable = {
  id: Generated<number>;
  acceptance_id: number;
  seq: number;
  source: string;
  name: string;
  standard: string;
  result: string;
  note: string;
  checked_by: number | null;
  checked_at: string | null;
};

export type InvoiceTable = {
  id: Generated<number>;
  project_id: number;
  instalment_id: number;
  number: string;
  amount_fen: number;
  issued_date: string;
  due_date: string;
  note: string;
  created_by: number | null;
  created_at: string;
};

export type PaymentTable = {
  id: Generated<number>;
  project_id: number;
  invoice_id: number;
  amount_fen: number;
  received_date: string;
  note: string;
  created_by: number | null;
  created_at: string;
};

export type ProjectDocumentTable = Meta & {
  id: Generated<number>;
  project_id: number;
  category: string;
  title: string;
  current_version: number;
};

export type DocumentVersionTable = {
  id: Generated<number>;
  document_id: number;
  version_no: number;
  attachment_id: number;
  note: string;
  uploaded_by: number;
  created_at: string;
};

export type RetrospectiveTable = Meta & {
  id: Generated<number>;
  project_id: number;
  went_well: string;
  went_wrong: string;
  lessons: string;
  reusable_assets: string;
  search_text: string;
  author_id: number;
};

/** SQLite only: the FTS5 trigram index of retrospectives (rowid = retrospective id). */
export type LessonFtsTable = { rowid: number; search_text: string };

/** Each project's figures as of a day, so lists and the portfolio read them without recomputing. */
export type ProjectStatsTable = {
  project_id: number;
  as_of: string;
  health: string;
  health_factors: string;
  percent_tenths: number;
  planned_tenths: number;
  max_days_late: number;
  overdue_milestones: number;
  budget_fen: number;
  spent_fen: number;
  committed_fen: number;
  usage_tenths: number;
  contract_fen: number;
  invoiced_fen: number;
  received_fen: number;
  outstanding_fen: number;
  overdue_fen: number;
  open_issues: number;
  open_major_issues: number;
  updated_at: string;
};

/** Projects from signing to closing, and everything beneath them. */
export type DeliveryTables = {
  projects: ProjectTable;
  project_milestones: ProjectMilestoneTable;
  project_budget_lines: ProjectBudgetLineTable;
  project_members: ProjectMemberTable;
  project_tasks: ProjectTaskTable;
  project_progress_reports: ProgressReportTable;
  project_issues: ProjectIssueTable;
  project_change_requests: ChangeRequestTable;
  project_expenses: ExpenseTable;
  project_acceptances: AcceptanceTable;
  project_acceptance_items: AcceptanceItemTable;
  project_invoices: InvoiceTable;
  project_payments: PaymentTable;
  project_documents: ProjectDocumentTable;
  project_document_versions: DocumentVersionTable;
  project_retrospectives: RetrospectiveTable;
  lessons_fts: LessonFtsTable;
  project_stats: ProjectStatsTable;
};

export const DELIVERY_TABLES: readonly (keyof DeliveryTables)[] = [
  'projects',
  'project_milestones',
  'project_budget_lines',
  'project_members',
  'project_tasks',
  'project_progress_reports',
  'project_issues',
  'project_change_requests',
  'project_expenses',
  'project_acceptances',
  'project_acceptance_items',
  'project_invoices',
  'project_payments',
  'project_documents',
  'project_document_versions',
  'project_retrospectives',
  'lessons_fts',
  'project_stats',
];

declare module '../../platform/db/schema.js' {
  interface DB extends DeliveryTables {}
}
