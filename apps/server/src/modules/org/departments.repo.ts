import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import { containsText, sortOf } from '../../platform/db/query.js';

export function departmentSelect(db: Executor) {
  return db
    .selectFrom('departments as d')
    .leftJoin('users as m', 'm.id', 'd.manager_id')
    .selectAll('d')
    .select('m.name as manager_name')
    .select((eb) =>
      eb
        .selectFrom('users as u')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('u.department_id', '=', 'd.id')
        .where('u.active', '=', 1)
        .as('member_count'),
    );
}

export type DepartmentRow = Awaited<ReturnType<ReturnType<typeof departmentSelect>['executeTakeFirstOrThrow']>>;

export function findDepartment(db: Executor, id: number) {
  return departmentSelect(db).where('d.id', '=', id).executeTakeFirst();
}

const SORTS = { name: 'd.name', sortOrder: 'd.sort_order', createdAt: 'd.created_at' } as const;

export async function listDepartments(db: Executor, f: { q?: string; kind?: string; active?: boolean }, page: number, pageSize: number, sort?: string) {
  const build = () => {
    let q = departmentSelect(db);
    if (f.q) q = q.where(containsText('d.name', f.q));
    if (f.kind) q = q.where('d.kind', '=', f.kind);
    if (f.active !== undefined) q = q.where('d.active', '=', f.active ? 1 : 0);
    return q;
  };
  const { column, direction } = sortOf(sort, SORTS, 'sortOrder');
  const [items, count] = await Promise.all([
    build().orderBy(column, direction).orderBy('d.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

/** The department and every department below it. */
export async function departmentSubtreeIds(db: Executor, rootId: number): Promise<number[]> {
  const rows = await db.selectFrom('departments').select(['id', 'parent_id']).execute();
  const out = [rootId];
  for (let i = 0; i < out.length; i++) for (const r of rows) if (r.parent_id === out[i] && !out.includes(r.id)) out.push(r.id);
  return out;
}
