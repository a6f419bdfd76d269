import type { AppraisalDetailDto, AppraisalDto, ObjectiveValue } from '@domain/appraisal/appraisal.schema.js';
import type { TemplateContent } from '@domain/appraisal/template.schema.js';
import type { DimensionScore, RaterMix } from '@domain/appraisal/scoring.rules.js';
import type { AttachmentDto } from '@domain/files/attachment.schema.js';
import type { Actor } from '@domain/shared/actor.js';
import type { AppraisalFullRow, AppraisalRow } from './appraisals.repo.js';
import { appraisalActions, isEmployee } from '@domain/appraisal/appraisal.access.js';
import { fromX100, parseJson } from './scores.js';

/** Stored form of the self-assessment and the supervisor's evaluation. */
export type SelfForm = { items: Record<string, { score: number; comment: string | null }>; summary: string; dimensions: DimensionScore[]; total: number };
export type SupervisorForm = {
  items: Record<string, { score: number; comment: string | null; computedScore: number | null; overrideReason: string | null }>;
  comment: string;
  dimensions: DimensionScore[];
  total: number;
};
export type FeedbackForm = { meetingDate: string; strengths: string; problems: string; improvementPlan: string; nextYearGoals: string | null; developmentPlan: string | null };

const OPEN_TO_EMPLOYEE = new Set(['feedback', 'calibration', 'finalized']);

/** The employee sees the evaluation of others once it is discussed with them (feedback step on). */
export function employeeMaySeeResults(r: Pick<AppraisalRow, 'status' | 'employee_id'>, actor: Actor): boolean {
  return r.employee_id !== actor.id || OPEN_TO_EMPLOYEE.has(r.status);
}

export function presentAppraisal(r: AppraisalRow, actor: Actor, today: string): AppraisalDto {
  const results = employeeMaySeeResults(r, actor);
  return {
    id: r.id,
    version: r.version,
    cycleId: r.cycle_id,
    cycleType: r.cycle_type as AppraisalDto['cycleType'],
    period: r.period,
    cycleStatus: r.cycle_status,
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    positionTitle: r.position_title,
    departmentId: r.department_id,
    departmentName: r.department_name,
    customerFacing: r.customer_facing === 1,
    supervisorId: r.supervisor_id,
    supervisorName: r.supervisor_name,
    status: r.status as AppraisalDto['status'],
    selfScore: fromX100(r.self_score_x100),
    totalScore: results ? fromX100(r.total_score_x100) : null,
    peerScore: results ? fromX100(r.peer_score_x100) : null,
    customerScore: results ? fromX100(r.customer_score_x100) : null,
    computedFinalScore: results ? fromX100(r.computed_final_x100) : null,
    finalScore: results ? fromX100(r.final_score_x100) : null,
    grade: results ? r.grade : null,
    feedbackRecorded: r.feedback_at !== null,
    disputed: r.disputed === 1,
    stepDueDate: r.step_due,
    late: r.step_due !== null && r.step_due < today,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    actions: appraisalActions(r, actor),
  };
}

export type DetailParts = {
  template: { id: number; version_no: number; name: string; content_json: string };
  peers: { id: number; reviewer_id: number; reviewer_name: string; status: string; teamwork_x100: number | null; communication_x100: number | null; score_x100: number | null; comment: string | null; submitted_at: string | null }[];
  links: {
    id: number;
    reviewer_name: string;
    customer_id: number | null;
    customer_name: string | null;
    expires_at: string;
    used_at: string | null;
    voided_at: string | null;
    ratings_json: string | null;
    score_x100: number | null;
    comment: string | null;
    submitted_at: string | null;
  }[];
  attachments: AttachmentDto[];
  names: Map<number, string>;
  timeline: { at: string; action: string; actor_name: string | null }[];
  peerAnonymous: boolean;
  now: string;
};

export function presentAppraisalDetail(r: AppraisalFullRow, actor: Actor, today: string, parts: DetailParts): Omit<AppraisalDetailDto, 'periodRecords'> {
  const base = presentAppraisal(r, actor, today);
  const results = employeeMaySeeResults(r, actor);
  const anonymous = isEmployee(r, actor) && parts.peerAnonymous;
  const self = parseJson<SelfForm>(r.self_json);
  const supervisor = results ? parseJson<SupervisorForm>(r.supervisor_json) : null;
  const feedback = parseJson<FeedbackForm>(r.feedback_json);
  const nameOf = (id: number | null) => (id === null ? null : (parts.names.get(id) ?? null));
  return {
    ...base,
    template: { id: parts.template.id, versionNo: parts.template.version_no, name: parts.template.name, dimensions: (JSON.parse(parts.template.content_json) as TemplateContent).dimensions },
    objective: JSON.parse(r.objective_json) as Record<string, ObjectiveValue>,
    self: self && { ...self, submittedAt: r.self_submitted_at!, attachments: parts.attachments },
    supervisor: supervisor && { ...supervisor, submittedAt: r.supervisor_submitted_at!, submittedByName: nameOf(r.supervisor_submitted_by) },
    peerReviews: results
      ? parts.peers.map((p) => ({
          id: p.id,
          reviewerId: anonymous ? null : p.reviewer_id,
          reviewerName: anonymous ? null : p.reviewer_name,
          status: p.status as 'pending' | 'submitted' | 'void',
          teamwork: fromX100(p.teamwork_x100),
          communication: fromX100(p.communication_x100),
          score: fromX100(p.score_x100),
          comment: p.comment,
          submittedAt: p.submitted_at,
        }))
      : [],
    customerReviews: results
      ? parts.links.map((l) => ({
          id: l.id,
          reviewerName: anonymous ? null : l.reviewer_name,
          customerId: l.customer_id,
          customerName: l.customer_name,
          // A link that ran out before the round closed shows as expired, not withdrawn.
          status: l.submitted_at ? 'submitted' : l.expires_at <= (l.voided_at ?? parts.now) ? 'expired' : l.voided_at ? 'void' : 'pending',
          expiresAt: l.expires_at,
          ratings: parseJson<Record<string, number>>(l.ratings_json),
          score: fromX100(l.score_x100),
          comment: l.comment,
          submittedAt: l.submitted_at,
        }))
      : [],
    raterWeights: results ? parseJson<RaterMix>(r.rater_weights_json) : null,
    feedback: feedback && { ...feedback, recordedAt: r.feedback_at!, recordedByName: nameOf(r.feedback_by) },
    acknowledgement: r.acknowledged_at ? { at: r.acknowledged_at, disputed: r.disputed === 1, comment: r.employee_comment } : null,
    calibration: r.calibration_reason && results ? { reason: r.calibration_reason, at: r.calibrated_at!, byName: nameOf(r.calibrated_by) } : null,
    finalizedAt: r.finalized_at,
    timeline: parts.timeline.map((t) => ({ at: t.at, action: t.action, actorName: t.actor_name })),
  };
}
