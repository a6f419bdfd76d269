import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import { sortOf } from '../../platform/db/query.js';
import { appraisalScopeWhere, type AppraisalScope } from './appraisal.scope.js';

export function cycleSelect(db: Executor) {
  return db
    .selectFrom('appraisal_cycles as c')
    .innerJoin('appraisal_templates as t', 't.id', 'c.template_id')
    .leftJoin('users as u', 'u.id', 'c.created_by')
    .selectAll('c')
    .select(['t.name as template_name', 't.version_no as template_version_no', 'u.name as created_by_name']);
}
export type CycleRow = Awaited<ReturnType<ReturnType<typeof cycleSelect>['executeTakeFirstOrThrow']>>;

export function findCycle(db: Executor, id: number) {
  return cycleSelect(db).where('c.id', '=', id).executeTakeFirst();
}

const SORTS = { period: 'c.period', createdAt: 'c.created_at', type: 'c.type' } as const;

export async function listCycles(db: Executor, f: { type?: string; status?: string }, page: number, pageSize: number, sort?: string) {
  const build = () => {
    let q = cycleSelect(db);
    if (f.type) q = q.where('c.type', '=', f.type);
    if (f.status) q = q.where('c.status', '=', f.status);
    return q;
  };
  const { column, direction } = sortOf(sort ?? '-period', SORTS, 'period');
  const [items, count] = await Promise.all([
    build().orderBy(column, direction).orderBy('c.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

export type CycleCounts = { byStatus: Record<string, number>; late: number; total: number };

/** Appraisals per status and how many are past their step's due date, within what the actor sees. */
export async function cycleCounts(db: Executor, cycleIds: number[], scope: AppraisalScope, today: string): Promise<Map<number, CycleCounts>> {
  const out = new Map<number, CycleCounts>();
  if (cycleIds.length === 0) return out;
  const rows = await db
    .selectFrom('appraisals as a')
    .select(['a.cycle_id', 'a.status', sql<number>`count(*)`.as('n'), sql<number>`sum(case when a.step_due < ${today} then 1 else 0 end)`.as('late')])
    .where('a.cycle_id', 'in', cycleIds)
    .where(appraisalScopeWhere(scope))
    .groupBy(['a.cycle_id', 'a.status'])
    .execute();
  for (const id of cycleIds) out.set(id, { byStatus: {}, late: 0, total: 0 });
  for (const r of rows) {
    const c = out.get(r.cycle_id)!;
    c.byStatus[r.status] = Number(r.n);
    c.total += Number(r.n);
    c.late += Number(r.late ?? 0);
  }
  return out;
}
