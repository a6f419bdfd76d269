import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import { codeStartsWith, containsText, countAll, narrowPage, sortOf } from '../../platform/db/query.js';
import { salesModule } from '../sales/index.js';
import { projectScopeWhere, type ProjectScope } from './delivery.scope.js';

const sales = salesModule.queries;

export function projectSelect(db: Executor) {
  return db
    .selectFrom('projects as j')
    .innerJoin('users as u', 'u.id', 'j.pm_id')
    .leftJoin('project_stats as s', 's.project_id', 'j.id')
    .selectAll('j')
    .select([
      sales.customerNameOf('j.customer_id').as('customer_name'),
      sales.customerRegionOf('j.customer_id').as('customer_region'),
      sales.contractNumberOf('j.contract_id').as('contract_number'),
      sales.contractAmountOf('j.contract_id').as('contract_fen'),
      'u.name as pm_name',
      's.health as s_health',
      's.percent_tenths as s_percent_tenths',
      's.planned_tenths as s_planned_tenths',
      's.spent_fen as s_spent_fen',
      's.usage_tenths as s_usage_tenths',
      's.outstanding_fen as s_outstanding_fen',
      's.overdue_fen as s_overdue_fen',
    ]);
}
export type ProjectRow = Awaited<ReturnType<ReturnType<typeof projectSelect>['executeTakeFirstOrThrow']>>;

export function findProject(db: Executor, id: number, scope: ProjectScope): Promise<ProjectRow | undefined> {
  return projectSelect(db).where('j.id', '=', id).where(projectScopeWhere(scope, 'j', null)).executeTakeFirst();
}

/** Of `projectIds`, those where `userId` is an active team member. */
export async function membershipsOf(db: Executor, userId: number, projectIds: number[]): Promise<Set<number>> {
  if (projectIds.length === 0) return new Set();
  const rows = await db.selectFrom('project_members').select('project_id').where('user_id', '=', userId).where('active', '=', 1).where('project_id', 'in', projectIds).execute();
  return new Set(rows.map((r) => r.project_id));
}

// Figures live in project_stats (one row per project): sorted on through a scalar subquery so the
// narrow query needs no join.
const stat = (column: string) => sql`(select ps.${sql.raw(column)} from project_stats ps where ps.project_id = j.id)`;
const SORTS = {
  createdAt: sql`j.created_at`,
  startDate: sql`j.start_date`,
  endDate: sql`j.end_date`,
  code: sql`j.code`,
  name: sql`j.name`,
  percentComplete: stat('percent_tenths'),
  budgetUsage: stat('usage_tenths'),
  outstanding: stat('outstanding_fen'),
} as const;

export type ProjectFilter = { q?: string; status?: string; health?: string; pmId?: number; customerId?: number; mineOf?: number };

export async function listProjects(db: Executor, scope: ProjectScope, f: ProjectFilter, page: number, pageSize: number, sort?: string) {
  // The narrow query: projects alone, see narrowPage.
  const narrow = () => {
    let q = db.selectFrom('projects as j').where(projectScopeWhere(scope, 'j', null));
    if (f.q) q = q.where((eb) => eb.or([containsText('j.name', f.q!), eb('j.customer_id', 'in', sales.customerIdsNamed(db, f.q!)), codeStartsWith('j.code', f.q!)]));
    if (f.status) q = q.where('j.status', 'in', f.status.split(',').filter(Boolean));
    if (f.health === 'unrated') q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('project_stats as hs').select('hs.project_id').whereRef('hs.project_id', '=', 'j.id').where('hs.health', 'is not', null))));
    else if (f.health) q = q.where('j.id', 'in', db.selectFrom('project_stats as hs').select('hs.project_id').where('hs.health', '=', f.health));
    if (f.pmId) q = q.where('j.pm_id', '=', f.pmId);
    if (f.customerId) q = q.where('j.customer_id', '=', f.customerId);
    if (f.mineOf) {
      const me = f.mineOf;
      q = q.where((eb) => eb.or([eb('j.pm_id', '=', me), eb.exists(eb.selectFrom('project_members as mm').select('mm.id').whereRef('mm.project_id', '=', 'j.id').where('mm.user_id', '=', me).where('mm.active', '=', 1))]));
    }
    return q;
  };
  const { column, direction } = sortOf(sort ?? '-createdAt', SORTS, 'createdAt');
  return narrowPage(
    narrow().select('j.id').orderBy(column, direction).orderBy('j.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    narrow().select(countAll).executeTakeFirst(),
    (ids) => projectSelect(db).where('j.id', 'in', ids).execute(),
  );
}
