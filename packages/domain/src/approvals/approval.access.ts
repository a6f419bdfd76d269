import type { Actor } from '../shared/actor.js';
import { checkDecider, type ApprovalSlot } from './approval.rules.js';

/** An approver is reminded (催办) at most once an hour. */
export const REMIND_INTERVAL_MS = 3600_000;

export type ApprovalAction = 'decide' | 'transfer' | 'remind';

type ApprovalFacts = { status: string; createdBy: number | null; lastRemindedAt: string | null; slots: readonly ApprovalSlot[] };

/** Decide or transfer: an approver the current step waits for. */
export function isAwaited(actor: Actor, a: Pick<ApprovalFacts, 'status' | 'slots'>): boolean {
  return checkDecider(a.slots, a.status, actor.id) === 'ok';
}

/** Remind the approvers: the submitter of a pending approval, once the last reminder is an hour old. */
export function mayRemind(actor: Actor, a: Omit<ApprovalFacts, 'slots'>, now: Date): boolean {
  return a.status === 'pending' && a.createdBy === actor.id && (!a.lastRemindedAt || now.getTime() - Date.parse(a.lastRemindedAt) >= REMIND_INTERVAL_MS);
}

/** What this actor may do with the approval now: its `actions`, the shape every record answers. */
export function approvalActions(actor: Actor, a: ApprovalFacts, now: Date): ApprovalAction[] {
  const awaited = isAwaited(actor, a);
  const actions: ApprovalAction[] = [];
  if (awaited) actions.push('decide', 'transfer');
  if (mayRemind(actor, a, now)) actions.push('remind');
  return actions;
}
