import type { Generated } from 'kysely';

type Meta = { version: number; created_at: string; created_by: number | null; updated_at: string };

/** Scores are integer hundredths (`*_x100`); money integer fen; booleans 0/1; JSON as text. */
export type ServerSecretTable = { name: string; value: string; created_at: string };

export type AppraisalTemplateTable = {
  id: Generated<number>;
  type: string;
  version_no: number;
  name: string;
  effective_from: string;
  note: string;
  content_json: string;
  created_by: number | null;
  created_at: string;
};

export type AppraisalCycleTable = Meta & {
  id: Generated<number>;
  type: string;
  period: string;
  name: string;
  status: string;
  template_id: number;
  period_start: string;
  period_end: string;
  opened_on: string;
  self_due: string;
  supervisor_due: string;
  reviews_due: string | null;
  feedback_due: string;
  department_ids_json: string;
  closed_at: string | null;
  closed_by: number | null;
};

export type AppraisalTable = Meta & {
  id: Generated<number>;
  cycle_id: number;
  employee_id: number;
  supervisor_id: number | null;
  template_id: number;
  status: string;
  department_id: number | null;
  position_title: string | null;
  customer_facing: number;
  objective_json: string;
  self_json: string | null;
  self_score_x100: number | null;
  self_submitted_at: string | null;
  supervisor_json: string | null;
  total_score_x100: number | null;
  supervisor_submitted_at: string | null;
  supervisor_submitted_by: number | null;
  peer_score_x100: number | null;
  customer_score_x100: number | null;
  rater_weights_json: string | null;
  computed_final_x100: number | null;
  final_score_x100: number | null;
  grade: string | null;
  feedback_json: string | null;
  feedback_at: string | null;
  feedback_by: number | null;
  acknowledged_at: string | null;
  disputed: number;
  employee_comment: string | null;
  calibration_reason: string | null;
  calibrated_at: string | null;
  calibrated_by: number | null;
  finalized_at: string | null;
  finalized_by: number | null;
  step_due: string | null;
};

export type PeerReviewTable = {
  id: Generated<number>;
  appraisal_id: number;
  reviewer_id: number;
  status: string;
  teamwork_x100: number | null;
  communication_x100: number | null;
  score_x100: number | null;
  comment: string | null;
  requested_by: number;
  created_at: string;
  submitted_at: string | null;
};

export type CustomerReviewLinkTable = {
  id: Generated<number>;
  appraisal_id: number;
  reviewer_name: string;
  customer_id: number | null;
  expires_at: string;
  used_at: string | null;
  voided_at: string | null;
  created_by: number;
  created_at: string;
};

export type CustomerReviewTable = {
  id: Generated<number>;
  link_id: number;
  appraisal_id: number;
  reviewer_name: string;
  ratings_json: string;
  score_x100: number;
  comment: string;
  submitted_at: string;
  ip: string | null;
};

export type KpiTargetTable = Meta & {
  id: Generated<number>;
  period_type: string;
  period: string;
  user_id: number | null;
  department_id: number | null;
  subject_key: string;
  sales_target_fen: number | null;
  profit_target_fen: number | null;
  profit_actual_fen: number | null;
  market_share_target_bp: number | null;
  market_share_actual_bp: number | null;
  projects_target: number | null;
  projects_actual: number | null;
  note: string;
};

export type AttendanceRecordTable = Meta & {
  id: Generated<number>;
  user_id: number;
  month: string;
  late_count: number;
  absent_half_days: number;
  leave_half_days: number;
  note: string;
};

export type AppraisalResultTable = Meta & {
  id: Generated<number>;
  cycle_id: number;
  appraisal_id: number;
  employee_id: number;
  kind: string;
  grade: string;
  final_score_x100: number;
  base_fen: number | null;
  coefficient_x10000: number | null;
  amount_fen: number | null;
  basis_json: string;
  decision: string;
  note: string;
  decided_by: number | null;
  decided_at: string | null;
};

export type AppraisalTables = {
  server_secrets: ServerSecretTable;
  appraisal_templates: AppraisalTemplateTable;
  appraisal_cycles: AppraisalCycleTable;
  appraisals: AppraisalTable;
  peer_reviews: PeerReviewTable;
  customer_review_links: CustomerReviewLinkTable;
  customer_reviews: CustomerReviewTable;
  kpi_targets: KpiTargetTable;
  attendance_records: AttendanceRecordTable;
  appraisal_results: AppraisalResultTable;
};

export const APPRAISAL_TABLES: readonly (keyof AppraisalTables)[] = [
  'server_secrets',
  'appraisal_templates',
  'appraisal_cycles',
  'appraisals',
  'peer_reviews',
  'customer_review_links',
  'customer_reviews',
  'kpi_targets',
  'attendance_records',
  'appraisal_results',
];

declare module '../../platform/db/schema.js' {
  interface DB extends AppraisalTables {}
}
