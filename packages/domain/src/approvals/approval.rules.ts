export const APPROVAL_MODES = ['all', 'any'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];
export type SlotDecision = 'approved' | 'returned' | 'transferred';

/** One approver's place in one step. A transferred slot hands its place to a new slot. */
export type ApprovalSlot = { stepNo: number; mode: ApprovalMode; approverId: number; decision: SlotDecision | null };

export type StepState = 'waiting' | 'pending' | 'approved' | 'returned';

export type ApprovalState =
  | { status: 'pending'; currentStep: number; pendingApproverIds: number[] }
  | { status: 'approved' | 'returned'; currentStep: null; pendingApproverIds: [] };

function stepNumbers(slots: readonly ApprovalSlot[]): number[] {
  return [...new Set(slots.map((s) => s.stepNo))].sort((a, b) => a - b);
}

/** A step is complete when 'any' has one approval, or 'all' has every (not transferred) approver's. */
export function isStepComplete(slots: readonly ApprovalSlot[]): boolean {
  const active = slots.filter((s) => s.decision !== 'transferred');
  if (active.length === 0) return false;
  const mode = slots[0]!.mode;
  return mode === 'any' ? active.some((s) => s.decision === 'approved') : active.every((s) => s.decision === 'approved');
}

/** Where an approval stands given every slot's decision: any return ends it; otherwise steps go in order. */
export function approvalState(slots: readonly ApprovalSlot[]): ApprovalState {
  if (slots.some((s) => s.decision === 'returned')) return { status: 'returned', currentStep: null, pendingApproverIds: [] };
  for (const stepNo of stepNumbers(slots)) {
    const step = slots.filter((s) => s.stepNo === stepNo);
    if (isStepComplete(step)) continue;
    const pending = step.filter((s) => s.decision === null).map((s) => s.approverId);
    return { status: 'pending', currentStep: stepNo, pendingApproverIds: [...new Set(pending)] };
  }
  return { status: 'approved', currentStep: null, pendingApproverIds: [] };
}

/** Each step's state for display, given the approval's overall state. */
export function stepStates(slots: readonly ApprovalSlot[], finalStatus?: 'withdrawn'): Map<number, StepState> {
  const state = approvalState(slots);
  const out = new Map<number, StepState>();
  for (const stepNo of stepNumbers(slots)) {
    const step = slots.filter((s) => s.stepNo === stepNo);
    if (step.some((s) => s.decision === 'returned')) out.set(stepNo, 'returned');
    else if (isStepComplete(step)) out.set(stepNo, 'approved');
    else if (state.status === 'pending' && state.currentStep === stepNo && finalStatus !== 'withdrawn') out.set(stepNo, 'pending');
    else out.set(stepNo, 'waiting');
  }
  return out;
}

export type DecisionCheck = 'ok' | 'not_approver' | 'already_decided' | 'not_pending';

/**
 * May `userId` decide the approval now? Someone with no place in it is `not_approver` (403);
 * a finished approval is `not_pending` (409); an approver whose step moved on without them
 * (another approver of an 'any' step was faster) is `already_decided` (409); an approver of a
 * later or an already-decided step is `not_approver`.
 */
export function checkDecider(slots: readonly ApprovalSlot[], approvalStatus: string, userId: number): DecisionCheck {
  const mine = slots.filter((s) => s.approverId === userId);
  if (mine.length === 0) return 'not_approver';
  const state = approvalState(slots);
  if (approvalStatus !== 'pending' || state.status !== 'pending') return 'not_pending';
  if (state.pendingApproverIds.includes(userId)) return 'ok';
  return mine.some((s) => s.decision === null && s.stepNo < state.currentStep) ? 'already_decided' : 'not_approver';
}
