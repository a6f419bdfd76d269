import type { Executor } from '../../platform/db/executor.js';

export function acceptanceRounds(db: Executor, projectId: number) {
  return db
    .selectFrom('project_acceptances as a')
    .leftJoin('users as d', 'd.id', 'a.decided_by')
    .selectAll('a')
    .select('d.name as decided_by_name')
    .where('a.project_id', '=', projectId)
    .orderBy('a.id', 'desc')
    .execute();
}
export type AcceptanceRow = Awaited<ReturnType<typeof acceptanceRounds>>[number];

export function acceptanceItems(db: Executor, acceptanceIds: number[]) {
  if (acceptanceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project_acceptance_items as i')
    .leftJoin('users as u', 'u.id', 'i.checked_by')
    .selectAll('i')
    .select('u.name as checked_by_name')
    .where('i.acceptance_id', 'in', acceptanceIds)
    .orderBy('i.acceptance_id')
    .orderBy('i.seq')
    .execute();
}
export type AcceptanceItemRow = Awaited<ReturnType<typeof acceptanceItems>>[number];

/** The round now under way: the open internal one or the pending customer one. */
export function currentRound(db: Executor, projectId: number, kind: 'internal' | 'customer') {
  return db
    .selectFrom('project_acceptances')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('kind', '=', kind)
    .where('status', '=', kind === 'internal' ? 'open' : 'pending')
    .orderBy('round', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function nextRound(db: Executor, projectId: number, kind: 'internal' | 'customer'): Promise<number> {
  const row = await db.selectFrom('project_acceptances').select((eb) => eb.fn.max('round').as('r')).where('project_id', '=', projectId).where('kind', '=', kind).executeTakeFirst();
  return Number(row?.r ?? 0) + 1;
}
