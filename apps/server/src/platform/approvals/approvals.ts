import { approvalState } from '@domain/approvals/approval.rules.js';
import { REMIND_INTERVAL_MS } from '@domain/approvals/approval.access.js';
import { approvalCommentSchema, approvalStartSchema, type ApprovalDto, type ApprovalSummaryDto } from '@domain/approvals/approval.schema.js';
import { writeAudit } from '../audit/audit.js';
import { AppError, invalid, isUniqueViolation } from '../http/errors.js';
import { parseInput } from '../http/validate.js';
import { nowIso, type Deps, type RequestMeta } from '../context.js';
import { type Executor } from '../db/executor.js';
import { notify } from '../notify/notify.js';
import { addEvents, approvalSelect, findApprovalById, findLatestApproval, loadEvents, loadSlots, type ApprovalRow, type SlotRow } from './approvals.repo.js';
import { presentApproval, presentApprovalSummary } from './approvals.presenter.js';
import { claimVersion, requireDecider, requireSubmitter } from './approval-guards.js';

export type StartApprovalInput = {
  entity: string;
  entityId: number;
  title: string;
  amountFen?: number | null;
  steps: Array<{ approverIds: number[]; mode: 'all' | 'any' }>;
  ccUserIds?: number[];
};
export type RecordRef = { entity: string; entityId: number };
export type DecideInput = RecordRef & { decision: 'approve' | 'return'; comment?: string };
export type TransferInput = RecordRef & { toUserId: number; comment?: string };
export type Outcome = 'pending' | 'approved' | 'returned';

const linkOf = (id: number) => `/approvals/${id}`;

async function dtoOf(db: Executor, row: ApprovalRow): Promise<ApprovalDto> {
  return presentApproval(row, await loadSlots(db, row.id), await loadEvents(db, row.id));
}

async function reload(db: Executor, id: number): Promise<ApprovalDto> {
  return dtoOf(db, (await findApprovalById(db, id))!);
}

async function requireActiveUsers(db: Executor, ids: number[], fieldOf: (id: number) => string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await db.selectFrom('users').select('id').where('id', 'in', unique).where('active', '=', 1).execute();
  const active = new Set(rows.map((r) => r.id));
  const fields: Record<string, string> = {};
  for (const id of unique) if (!active.has(id)) for (const f of fieldOf(id)) fields[f] = 'field.notExists';
  if (Object.keys(fields).length) throw invalid(fields);
}

/**
 * Starts an approval for a record: one row per approver per step, step 1 approvers and copied
 * users notified. A record has at most one pending approval (409 APPROVAL_PENDING).
 */
export async function startApproval(trx: Executor, deps: Deps, meta: RequestMeta, input: StartApprovalInput): Promise<ApprovalDto> {
  const data = parseInput(approvalStartSchema, input, meta.locale);
  const steps = data.steps.map((s) => ({ mode: s.mode, approverIds: [...new Set(s.approverIds)] }));
  const cc = [...new Set(data.ccUserIds ?? [])];
  await requireActiveUsers(trx, [...steps.flatMap((s) => s.approverIds), ...cc], (id) => [
    ...steps.flatMap((s, i) => s.approverIds.flatMap((a, j) => (a === id ? [`steps.${i}.approverIds.${j}`] : []))),
    ...cc.flatMap((c, j) => (c === id ? [`ccUserIds.${j}`] : [])),
  ]);
  const existing = await findLatestApproval(trx, data.entity, data.entityId);
  if (existing?.status === 'pending') throw new AppError(409, 'APPROVAL_PENDING');
  const at = nowIso(deps);
  let id: number;
  try {
    ({ id } = await trx
      .insertInto('approvals')
      .values({ entity: data.entity, entity_id: data.entityId, title: data.title, status: 'pending', current_step: 1, amount_fen: data.amountFen ?? null, step_started_at: at, last_reminded_at: null, decided_at: null, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow());
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, 'APPROVAL_PENDING');
    throw err;
  }
  await trx
    .insertInto('approval_steps')
    .values(steps.flatMap((s, i) => s.approverIds.map((approverId) => ({ approval_id: id, step_no: i + 1, mode: s.mode, approver_id: approverId, decision: null, comment: null, decided_at: null }))))
    .execute();
  await addEvents(trx, id, at, [{ kind: 'submitted', actorId: meta.actor.id }, ...cc.map((userId) => ({ kind: 'cc', actorId: meta.actor.id, targetUserId: userId }))]);
  await writeAudit(trx, deps.engine, meta, { action: 'start', entity: 'approval', entityId: id, after: { entity: data.entity, entityId: data.entityId, title: data.title, amountFen: data.amountFen ?? null, steps, ccUserIds: cc } }, at);
  const params = { title: data.title, actor: meta.actor.name };
  const common = { entity: data.entity, entityId: data.entityId, link: linkOf(id) };
  await notify(trx, deps, { userIds: steps[0]!.approverIds, kind: 'approval.pending', params, ...common });
  await notify(trx, deps, { userIds: cc, kind: 'approval.cc', params, ...common });
  return reload(trx, id);
}

/**
 * Records the actor's decision on the current step. `outcome` says whether the whole approval
 * finished, so the caller moves its own record in the same transaction. A slower approver of an
 * 'any' step, or a concurrent decision, gets 409; someone not awaited gets 403.
 */
export async function decideApproval(trx: Executor, deps: Deps, meta: RequestMeta, input: DecideInput): Promise<{ approval: ApprovalDto; outcome: Outcome }> {
  const { row, slots } = await requireDecider(trx, meta, input);
  const comment = parseInput(approvalCommentSchema.optional(), input.comment, meta.locale, 'comment') || null;
  if (input.decision === 'return' && !comment) throw invalid({ comment: 'field.required' });
  const decision = input.decision === 'approve' ? 'approved' : 'returned';
  const mine = slots.find((s) => s.approverId === meta.actor.id && s.stepNo === row.current_step && s.decision === null)!;
  const after = approvalState(slots.map((s) => (s.id === mine.id ? { ...s, decision } : s)));
  const at = nowIso(deps);
  const moved = after.status !== 'pending' || after.currentStep !== row.current_step;
  await claimVersion(trx, row, {
    status: after.status,
    current_step: after.currentStep,
    ...(moved && after.status === 'pending' ? { step_started_at: at } : {}),
    ...(after.status !== 'pending' ? { decided_at: at } : {}),
    updated_at: at,
  });
  await trx.updateTable('approval_steps').set({ decision, comment, decided_at: at }).where('id', '=', mine.id).where('decision', 'is', null).execute();
  await addEvents(trx, row.id, at, [{ kind: decision, actorId: meta.actor.id, stepNo: mine.stepNo, comment }]);
  await writeAudit(trx, deps.engine, meta, { action: input.decision, entity: 'approval', entityId: row.id, before: { status: row.status, currentStep: row.current_step }, after: { status: after.status, currentStep: after.currentStep, comment } }, at);
  const common = { entity: row.entity, entityId: row.entity_id, link: linkOf(row.id) };
  if (after.status === 'pending' && moved) {
    await notify(trx, deps, { userIds: after.pendingApproverIds, kind: 'approval.pending', params: { title: row.title, actor: row.created_by_name ?? '' }, ...common });
  } else if (after.status !== 'pending' && row.created_by) {
    await notify(trx, deps, { userIds: [row.created_by], kind: 'approval.decided', params: { title: row.title, actor: meta.actor.name, result: `i18n:approval.result.${after.status}` }, ...common });
  }
  return { approval: await reload(trx, row.id), outcome: after.status };
}

/** Hands the actor's place in the current step to another user (转交). */
export async function transferApproval(trx: Executor, deps: Deps, meta: RequestMeta, input: TransferInput): Promise<ApprovalDto> {
  const { row, slots } = await requireDecider(trx, meta, input);
  const comment = parseInput(approvalCommentSchema.optional(), input.comment, meta.locale, 'comment') || null;
  const stepSlots = slots.filter((s) => s.stepNo === row.current_step);
  if (input.toUserId === meta.actor.id || stepSlots.some((s) => s.approverId === input.toUserId && s.decision !== 'transferred')) throw invalid({ toUserId: 'field.transferTarget' });
  await requireActiveUsers(trx, [input.toUserId], () => ['toUserId']);
  const mine = stepSlots.find((s) => s.approverId === meta.actor.id && s.decision === null)!;
  const at = nowIso(deps);
  await claimVersion(trx, row, { updated_at: at });
  await trx.updateTable('approval_steps').set({ decision: 'transferred', comment, decided_at: at }).where('id', '=', mine.id).execute();
  await trx.insertInto('approval_steps').values({ approval_id: row.id, step_no: mine.stepNo, mode: mine.mode, approver_id: input.toUserId, decision: null, comment: null, decided_at: null }).execute();
  await addEvents(trx, row.id, at, [{ kind: 'transferred', actorId: meta.actor.id, stepNo: mine.stepNo, comment, targetUserId: input.toUserId }]);
  await writeAudit(trx, deps.engine, meta, { action: 'transfer', entity: 'approval', entityId: row.id, after: { stepNo: mine.stepNo, fromUserId: meta.actor.id, toUserId: input.toUserId, comment } }, at);
  await notify(trx, deps, { userIds: [input.toUserId], kind: 'approval.transferred', params: { title: row.title, actor: meta.actor.name }, entity: row.entity, entityId: row.entity_id, link: linkOf(row.id) });
  return reload(trx, row.id);
}

/** Reminds the awaited approvers (催办); the submitter may do so at most once an hour (429). */
export async function remindApproval(trx: Executor, deps: Deps, meta: RequestMeta, input: RecordRef): Promise<ApprovalDto> {
  const row = await requireSubmitter(trx, meta, input);
  const at = nowIso(deps);
  const sent = await remindNow(trx, deps, meta, row, at);
  if (!sent) throw new AppError(429, 'RATE_LIMITED');
  return reload(trx, row.id);
}

/**
 * Notifies the current approvers and records the reminder, unless one was sent within the hour
 * (the conditional update makes concurrent reminders send once). `meta` null is the scheduler.
 */
export async function remindNow(trx: Executor, deps: Deps, meta: RequestMeta | null, row: ApprovalRow, at: string): Promise<boolean> {
  const since = new Date(Date.parse(at) - REMIND_INTERVAL_MS).toISOString();
  const res = await trx
    .updateTable('approvals')
    .set({ last_reminded_at: at })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('last_reminded_at', 'is', null), eb('last_reminded_at', '<=', since)]))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  const pending = approvalState(await loadSlots(trx, row.id));
  await addEvents(trx, row.id, at, [{ kind: 'reminded', actorId: meta?.actor.id ?? null, stepNo: row.current_step }]);
  await writeAudit(trx, deps.engine, meta, { action: 'remind', entity: 'approval', entityId: row.id, after: { stepNo: row.current_step, approverIds: pending.pendingApproverIds } }, at);
  const actor = meta ? meta.actor.name : 'i18n:notify.system';
  await notify(trx, deps, { userIds: pending.pendingApproverIds, kind: 'approval.remind', params: { title: row.title, actor }, entity: row.entity, entityId: row.entity_id, link: linkOf(row.id) });
  return true;
}

/** The submitter takes a pending approval back; the caller moves its own record. */
export async function withdrawApproval(trx: Executor, deps: Deps, meta: RequestMeta, input: RecordRef & { comment?: string }): Promise<ApprovalDto> {
  const row = await requireSubmitter(trx, meta, input);
  const comment = parseInput(approvalCommentSchema.optional(), input.comment, meta.locale, 'comment') || null;
  const at = nowIso(deps);
  await claimVersion(trx, row, { status: 'withdrawn', current_step: null, decided_at: at, updated_at: at });
  await addEvents(trx, row.id, at, [{ kind: 'withdrawn', actorId: meta.actor.id, stepNo: row.current_step, comment }]);
  await writeAudit(trx, deps.engine, meta, { action: 'withdraw', entity: 'approval', entityId: row.id, before: { status: row.status }, after: { status: 'withdrawn', comment } }, at);
  return reload(trx, row.id);
}

/** The latest approval of a record with its steps and timeline, or null. */
export async function getApproval(db: Executor, entity: string, entityId: number): Promise<ApprovalDto | null> {
  const row = await findLatestApproval(db, entity, entityId);
  return row ? dtoOf(db, row) : null;
}

export async function getApprovalById(db: Executor, id: number): Promise<{ row: ApprovalRow; dto: ApprovalDto; slots: SlotRow[] } | null> {
  const row = await findApprovalById(db, id);
  if (!row) return null;
  const slots = await loadSlots(db, id);
  return { row, slots, dto: presentApproval(row, slots, await loadEvents(db, id)) };
}

/** Everything awaiting the user's decision now (the "待我审批" inbox), oldest first. */
export async function listMyPendingApprovals(db: Executor, userId: number): Promise<ApprovalSummaryDto[]> {
  const rows = await approvalSelect(db)
    .where('a.status', '=', 'pending')
    .where((eb) => eb.exists(eb.selectFrom('approval_steps as p').select('p.id').whereRef('p.approval_id', '=', 'a.id').whereRef('p.step_no', '=', 'a.current_step').where('p.approver_id', '=', userId).where('p.decision', 'is', null)))
    .orderBy('a.step_started_at')
    .orderBy('a.id')
    .execute();
  return rows.map(presentApprovalSummary);
}
