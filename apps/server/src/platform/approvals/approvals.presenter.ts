import type { ApprovalDto, ApprovalEventKind, ApprovalStatus, ApprovalSummaryDto } from '@domain/approvals/approval.schema.js';
import { approvalState, stepStates } from '@domain/approvals/approval.rules.js';
import type { ApprovalRow, EventRow, SlotRow } from './approvals.repo.js';

export function presentApprovalSummary(row: ApprovalRow): ApprovalSummaryDto {
  return {
    id: row.id,
    version: row.version,
    entity: row.entity,
    entityId: row.entity_id,
    title: row.title,
    status: row.status as ApprovalStatus,
    currentStep: row.current_step,
    stepCount: Number(row.step_count ?? 0),
    amountFen: row.amount_fen === null ? null : Number(row.amount_fen),
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    stepStartedAt: row.step_started_at,
    decidedAt: row.decided_at,
  };
}

export function presentApproval(row: ApprovalRow, slots: SlotRow[], events: EventRow[]): ApprovalDto {
  const state = approvalState(slots);
  const states = stepStates(slots, row.status === 'withdrawn' ? 'withdrawn' : undefined);
  return {
    ...presentApprovalSummary(row),
    pendingApproverIds: row.status === 'pending' ? state.pendingApproverIds : [],
    ccUserIds: events.filter((e) => e.kind === 'cc' && e.target_user_id !== null).map((e) => e.target_user_id!),
    steps: slots.map((s) => ({
      stepNo: s.stepNo,
      mode: s.mode,
      approverId: s.approverId,
      approverName: s.approverName,
      decision: s.decision,
      comment: s.comment,
      decidedAt: s.decidedAt,
    })),
    stepStates: [...states.entries()].map(([stepNo, state]) => ({ stepNo, mode: slots.find((s) => s.stepNo === stepNo)!.mode, state })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind as ApprovalEventKind,
      stepNo: e.step_no,
      actorId: e.actor_id,
      actorName: e.actor_name,
      targetUserId: e.target_user_id,
      targetUserName: e.target_name,
      comment: e.comment,
    })),
  };
}
