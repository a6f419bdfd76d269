import { describe, expect, it } from 'vitest';
import { approvalState, checkDecider, stepStates, type ApprovalMode, type ApprovalSlot, type SlotDecision } from './approval.rules.js';

type D = SlotDecision | null;
const slot = (stepNo: number, mode: ApprovalMode, approverId: number, decision: D = null): ApprovalSlot => ({ stepNo, mode, approverId, decision });

describe('approvalState', () => {
  it.each<[string, ApprovalSlot[], ReturnType<typeof approvalState>]>([
    ['one approver, undecided', [slot(1, 'any', 10)], { status: 'pending', currentStep: 1, pendingApproverIds: [10] }],
    ['one approver, approved', [slot(1, 'any', 10, 'approved')], { status: 'approved', currentStep: null, pendingApproverIds: [] }],
    ["'any': one approval completes the step", [slot(1, 'any', 10, 'approved'), slot(1, 'any', 11)], { status: 'approved', currentStep: null, pendingApproverIds: [] }],
    ["'all': one of two approvals keeps it pending", [slot(1, 'all', 10, 'approved'), slot(1, 'all', 11)], { status: 'pending', currentStep: 1, pendingApproverIds: [11] }],
    ["'all': every approval completes", [slot(1, 'all', 10, 'approved'), slot(1, 'all', 11, 'approved')], { status: 'approved', currentStep: null, pendingApproverIds: [] }],
    ['two steps: the first done moves to the second', [slot(1, 'any', 10, 'approved'), slot(2, 'any', 20), slot(2, 'any', 21)], { status: 'pending', currentStep: 2, pendingApproverIds: [20, 21] }],
    ['two steps: the second waits for the first', [slot(1, 'all', 10), slot(2, 'any', 20)], { status: 'pending', currentStep: 1, pendingApproverIds: [10] }],
    ['a return in the first step ends it', [slot(1, 'all', 10, 'returned'), slot(1, 'all', 11), slot(2, 'any', 20)], { status: 'returned', currentStep: null, pendingApproverIds: [] }],
    ["a return in an 'any' step ends it even after an approval", [slot(1, 'any', 10, 'approved'), slot(2, 'any', 20, 'returned')], { status: 'returned', currentStep: null, pendingApproverIds: [] }],
    ["a transferred slot is replaced by the new approver ('all')", [slot(1, 'all', 10, 'transferred'), slot(1, 'all', 11, 'approved'), slot(1, 'all', 12)], { status: 'pending', currentStep: 1, pendingApproverIds: [12] }],
    ['the new approver after a transfer completes the step', [slot(1, 'all', 10, 'transferred'), slot(1, 'all', 12, 'approved')], { status: 'approved', currentStep: null, pendingApproverIds: [] }],
    ['only transferred slots: still pending, nobody to ask', [slot(1, 'any', 10, 'transferred')], { status: 'pending', currentStep: 1, pendingApproverIds: [] }],
    ['steps are taken in number order', [slot(2, 'any', 20), slot(1, 'any', 10, 'approved')], { status: 'pending', currentStep: 2, pendingApproverIds: [20] }],
  ])('%s', (_name, slots, expected) => {
    expect(approvalState(slots)).toEqual(expected);
  });
});

describe('checkDecider', () => {
  const twoStep = [slot(1, 'any', 10), slot(1, 'any', 11), slot(2, 'all', 20)];
  const stepOneDone = [slot(1, 'any', 10, 'approved'), slot(1, 'any', 11), slot(2, 'all', 20)];
  it.each<[string, ApprovalSlot[], string, number, ReturnType<typeof checkDecider>]>([
    ['a pending approver of the current step', twoStep, 'pending', 11, 'ok'],
    ['a stranger', twoStep, 'pending', 99, 'not_approver'],
    ['a later step approver before their turn', twoStep, 'pending', 20, 'not_approver'],
    ["the slower approver of an 'any' step", stepOneDone, 'pending', 11, 'already_decided'],
    ['the one who already approved', stepOneDone, 'pending', 10, 'not_approver'],
    ['the next step approver once it is their turn', stepOneDone, 'pending', 20, 'ok'],
    ['anyone with a place in a finished approval', [slot(1, 'any', 10, 'approved'), slot(1, 'any', 11)], 'approved', 11, 'not_pending'],
    ['an approver of a withdrawn approval', twoStep, 'withdrawn', 10, 'not_pending'],
    ['a stranger to a finished approval', [slot(1, 'any', 10, 'approved')], 'approved', 99, 'not_approver'],
  ])('%s', (_name, slots, status, userId, expected) => {
    expect(checkDecider(slots, status, userId)).toBe(expected);
  });
});

describe('stepStates', () => {
  it('marks each step for display', () => {
    const states = stepStates([slot(1, 'any', 10, 'approved'), slot(2, 'all', 20, 'approved'), slot(2, 'all', 21), slot(3, 'any', 30)]);
    expect([...states.entries()]).toEqual([[1, 'approved'], [2, 'pending'], [3, 'waiting']]);
  });

  it('shows the returned step and leaves the rest waiting', () => {
    const states = stepStates([slot(1, 'any', 10, 'returned'), slot(2, 'any', 20)]);
    expect([...states.entries()]).toEqual([[1, 'returned'], [2, 'waiting']]);
  });

  it('shows nothing pending once withdrawn', () => {
    const states = stepStates([slot(1, 'any', 10)], 'withdrawn');
    expect([...states.entries()]).toEqual([[1, 'waiting']]);
  });
});
