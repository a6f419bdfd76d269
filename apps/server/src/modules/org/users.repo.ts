import { sql } from 'kysely';
import { containsText, sortOf } from '../../platform/db/query.js';
import type { Executor } from '../../platform/db/executor.js';

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
  // Walks down the supervisor index from the user (a 1,000-person company reads only the branch);
  // UNION (not UNION ALL) stops at a cycle in bad data.
  const { rows } = await sql<{ id: number }>`
    with recursive below(id) as (
      select u.id from users u where u.supervisor_id = ${userId}
      union
      select u.id from users u join below b on u.supervisor_id = b.id
    )
    select id from below where id <> ${userId} order by id`.execute(db);
  return rows.map((r) => Number(r.id));
}
