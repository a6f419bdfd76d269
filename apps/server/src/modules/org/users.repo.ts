import { sql } from 'kysely';
import { containsText, sortOf } from '../../platform/db/query.js';
import type { Executor } from '../../platform/http/context.js';

export function userSelect(db: Executor) {
  return db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .leftJoin('users as s', 's.id', 'u.supervisor_id')
    .selectAll('u')
    .select(['d.name as department_name', 's.name as supervisor_name']);
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof userSelect>['executeTakeFirstOrThrow']>>;

export function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return userSelect(db).where('u.id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export type UserFilter = {
  q?: string;
  role?: string;
  departmentId?: number;
  active?: boolean;
};

const SORTS = {
  name: 'u.name',
  username: 'u.username',
  role: 'u.role',
  createdAt: 'u.created_at',
  hireDate: 'u.hire_date',
  lastLoginAt: 'u.last_login_at',
} as const;

function filtered(db: Executor, f: UserFilter) {
  let q = userSelect(db);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([containsText('u.name', text), containsText('u.username', text), containsText('u.position_title', text)]));
  }
  if (f.role) q = q.where('u.role', '=', f.role);
  if (f.departmentId) q = q.where('u.department_id', '=', f.departmentId);
  if (f.active !== undefined) q = q.where('u.active', '=', f.active ? 1 : 0);
  return q;
}

export async function listUsers(db: Executor, f: UserFilter, page: number, pageSize: number, sort: string | undefined) {
  const { column, direction } = sortOf(sort, SORTS, 'name');
  const [items, count] = await Promise.all([
    filtered(db, f).orderBy(column, direction).orderBy('u.id', 'asc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    filtered(db, f).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

/** Ids of everyone below `userId` in the supervisor chain (for cycle checks and scopes). */
export async function subordinateIds(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('users').select(['id', 'supervisor_id']).execute();
  const children = new Map<number, number[]>();
  for (const r of rows) if (r.supervisor_id) children.set(r.supervisor_id, [...(children.get(r.supervisor_id) ?? []), r.id]);
  const out: number[] = [];
  const stack = [...(children.get(userId) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.includes(id)) continue;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
