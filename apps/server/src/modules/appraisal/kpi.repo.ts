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

/** Signed contract amounts per owner and month within [from, to] (dates), for the given owners. */
export async function salesByOwnerMonth(db: Executor, ownerIds: number[], from: string, to: string): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  if (ownerIds.length === 0) return out;
  const rows = await db
    .selectFrom('contracts')
    .select(['owner_id', sql<string>`substr(signed_date, 1, 7)`.as('month'), sql<number>`sum(amount_fen)`.as('total')])
    .where('status', 'in', ['active', 'completed'])
    .where('owner_id', 'in', ownerIds)
    .where('signed_date', '>=', from)
    .where('signed_date', '<=', to)
    .groupBy(['owner_id', sql`substr(signed_date, 1, 7)`])
    .execute();
  for (const r of rows) {
    const m = out.get(r.owner_id) ?? new Map<string, number>();
    m.set(r.month, Number(r.total));
    out.set(r.owner_id, m);
  }
  return out;
}
