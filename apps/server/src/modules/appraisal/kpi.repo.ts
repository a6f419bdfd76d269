import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import { containsText } from '../../platform/db/query.js';

export function kpiSelect(db: Executor) {
  return db
    .selectFrom('kpi_targets as k')
    .leftJoin('users as u', 'u.id', 'k.user_id')
    .leftJoin('departments as d', 'd.id', 'k.department_id')
    .selectAll('k')
    .select(['u.name as user_name', 'd.name as department_name']);
}
export type KpiRow = Awaited<ReturnType<ReturnType<typeof kpiSelect>['executeTakeFirstOrThrow']>>;

export type KpiFilter = { period?: string; userId?: number; departmentId?: number; subject?: 'employee' | 'department'; q?: string };

export async function listKpi(db: Executor, f: KpiFilter, page: number, pageSize: number) {
  const build = () => {
    let q = kpiSelect(db);
    if (f.period) q = q.where('k.period', '=', f.period);
    if (f.userId) q = q.where('k.user_id', '=', f.userId);
    if (f.departmentId) q = q.where('k.department_id', '=', f.departmentId);
    if (f.subject === 'employee') q = q.where('k.user_id', 'is not', null);
    if (f.subject === 'department') q = q.where('k.department_id', 'is not', null);
    if (f.q) q = q.where((eb) => eb.or([containsText('u.name', f.q!), containsText('d.name', f.q!)]));
    return q;
  };
  const [items, count] = await Promise.all([
    build().orderBy('k.period', 'desc').orderBy('d.name').orderBy('u.name').orderBy('k.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}
