import { sql } from 'kysely';
import type { z } from 'zod';
import type { approvalListQuery } from '@domain/approvals/approval.schema.js';
import type { RequestMeta } from '../context.js';
import type { Executor } from '../db/executor.js';
import { approvalSelect } from './approvals.repo.js';
import { presentApprovalSummary } from './approvals.presenter.js';

export type ApprovalListQuery = z.infer<typeof approvalListQuery>;

function mineFilter(db: Executor, userId: number, q: ApprovalListQuery) {
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
export async function listMine(db: Executor, meta: RequestMeta, q: ApprovalListQuery) {
  const direction = q.mine === 'pending' ? 'asc' : 'desc';
  const [rows, count] = await Promise.all([
    mineFilter(db, meta.actor.id, q).orderBy('a.id', direction).limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    mineFilter(db, meta.actor.id, q).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(presentApprovalSummary), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}


/** The pending approvals whose current step waits for `userId` (the "my work" list), oldest first not guaranteed. */
export function awaitingDecisionOf(db: Executor, userId: number, limit: number) {
  return db
    .selectFrom('approval_steps as s')
    .innerJoin('approvals as a', 'a.id', 's.approval_id')
    .select(['a.entity', 'a.entity_id', 'a.title', 'a.created_at'])
    .where('s.approver_id', '=', userId)
    .where('s.decision', 'is', null)
    .where('a.status', '=', 'pending')
    .whereRef('s.step_no', '=', 'a.current_step')
    .limit(limit)
    .execute();
}

/** Ids of `entity` records whose pending approval waits for `userId` now, as a subquery (`where id in (…)`). */
export function awaitedRecordIds(db: Executor, entity: string, userId: number) {
  return db
    .selectFrom('approvals as a')
    .innerJoin('approval_steps as s', (j) => j.onRef('s.approval_id', '=', 'a.id').onRef('s.step_no', '=', 'a.current_step'))
    .select('a.entity_id')
    .where('a.entity', '=', entity)
    .where('a.status', '=', 'pending')
    .where('s.approver_id', '=', userId)
    .where('s.decision', 'is', null);
}

/** Of `ids` (records of `entity`), those whose approval waits for `userId` right now. */
export async function awaitedAmong(db: Executor, entity: string, userId: number, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await awaitedRecordIds(db, entity, userId).where('a.entity_id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.entity_id));
}
