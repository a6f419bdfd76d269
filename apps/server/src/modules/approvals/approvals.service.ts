import { sql } from 'kysely';
import { checkDecider } from '@domain/approvals/approval.rules.js';
import type { z } from 'zod';
import type { approvalListQuery } from '@domain/approvals/approval.schema.js';
import { invalidTransition, notFound } from '../../platform/http/errors.js';
import { type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { approvalSelect, findApprovalById, isParticipant } from '../../platform/approvals/approvals.repo.js';
import { presentApprovalSummary } from '../../platform/approvals/approvals.presenter.js';
import { getApprovalById, remindApproval, transferApproval } from '../../platform/approvals/approvals.js';

type ListQuery = z.infer<typeof approvalListQuery>;

function mineFilter(db: Executor, userId: number, q: ListQuery) {
  let query = approvalSelect(db);
  if (q.mine === 'pending') {
    query = query
      .where('a.status', '=', 'pending')
      .where((eb) => eb.exists(eb.selectFrom('approval_steps as p').select('p.id').whereRef('p.approval_id', '=', 'a.id').whereRef('p.step_no', '=', 'a.current_step').where('p.approver_id', '=', userId).where('p.decision', 'is', null)));
  } else if (q.mine === 'submitted') {
    query = query.where('a.created_by', '=', userId);
  } else {
    // Uncorrelated: the user's few copies are found once by the target index, not probed per approval.
    query = query.where('a.id', 'in', db.selectFrom('approval_events as e').select('e.approval_id').where('e.target_user_id', '=', userId).where('e.kind', '=', 'cc'));
  }
  if (q.status) query = query.where('a.status', '=', q.status);
  if (q.entity) query = query.where('a.entity', '=', q.entity);
  return query;
}

/** My approvals: awaiting me (oldest first), submitted by me or copied to me (newest first). */
export async function listMine(db: Executor, meta: RequestMeta, q: ListQuery) {
  const direction = q.mine === 'pending' ? 'asc' : 'desc';
  const [rows, count] = await Promise.all([
    mineFilter(db, meta.actor.id, q).orderBy('a.id', direction).limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    mineFilter(db, meta.actor.id, q).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(presentApprovalSummary), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** One approval, for its participants only (others 404), with what the reader may do. */
export async function readApproval(db: Executor, meta: RequestMeta, id: number, now: Date) {
  const found = await getApprovalById(db, id);
  if (!found || !(await isParticipant(db, found.row, meta.actor.id))) throw notFound();
  const { row, slots, dto } = found;
  const awaited = checkDecider(slots, row.status, meta.actor.id) === 'ok';
  const remindable = row.status === 'pending' && row.created_by === meta.actor.id && (!row.last_reminded_at || now.getTime() - Date.parse(row.last_reminded_at) >= 3600_000);
  return { ...dto, policies: { decide: awaited, transfer: awaited, remind: remindable } };
}

async function refOf(db: Executor, meta: RequestMeta, id: number) {
  const row = await findApprovalById(db, id);
  if (!row || !(await isParticipant(db, row, meta.actor.id))) throw notFound();
  // Only a pending approval can be acted on, and a pending one is always its record's latest.
  if (row.status !== 'pending') throw invalidTransition();
  return { entity: row.entity, entityId: row.entity_id };
}

export function transferById(deps: Deps, db: Executor, meta: RequestMeta, id: number, body: { toUserId: number; comment?: string }) {
  return inTransaction(db, async (trx) => {
    await transferApproval(trx, deps, meta, { ...(await refOf(trx, meta, id)), ...body });
    return readApproval(trx, meta, id, deps.now());
  });
}

export function remindById(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  return inTransaction(db, async (trx) => {
    await remindApproval(trx, deps, meta, await refOf(trx, meta, id));
    return readApproval(trx, meta, id, deps.now());
  });
}
