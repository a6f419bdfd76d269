import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '@domain/shared/actor.js';
import { mayManageProject } from '@domain/delivery/delivery.access.js';
import { AppError, forbidden } from '../../platform/http/errors.js';
import type { Executor } from '../../platform/db/executor.js';
import { orgModule } from '../org/index.js';
import { salesModule } from '../sales/index.js';

/**
 * Which projects an actor sees (docs/design.md §1): the manager, leaders and finance all of them; a
 * deputy those of their business areas and of the people below them; a pm or specialist those
 * they lead or whose team they are on (a pm also those their reports lead).
 */
export type ProjectScope = { all: true } | { all: false; actorId: number; userIds: number[]; areas: string[] };

export async function projectScopeOf(db: Executor, actor: Actor): Promise<ProjectScope> {
  if (actor.role === 'manager' || actor.role === 'leader' || actor.role === 'finance') return { all: true };
  const below = actor.role === 'deputy' || actor.role === 'pm' ? await orgModule.queries.subordinateIds(db, actor.id) : [];
  return { all: false, actorId: actor.id, userIds: [actor.id, ...below], areas: actor.role === 'deputy' ? actor.businessAreas : [] };
}

function inList(column: string, values: readonly (number | string)[]): Expression<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;
}

/** The scope as a condition on a query with the project as `project` (and its customer as `customer` when joined; otherwise the region is looked up by sales). */
export function projectScopeWhere(scope: ProjectScope, project = 'j', customer: string | null = null): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const parts = [
    inList(`${project}.pm_id`, scope.userIds),
    // Uncorrelated: the actor's few projects are found once, not probed per project row.
    sql<SqlBool>`${sql.ref(`${project}.id`)} in (select sm.project_id from project_members sm where sm.user_id = ${scope.actorId} and sm.active = 1)`,
  ];
  if (scope.areas.length) parts.push(customer ? inList(`${customer}.region`, scope.areas) : salesModule.queries.customerInAreas(`${project}.customer_id`, scope.areas));
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

type ProjectRef = { pm_id: number; status: string };

/** The project's PM, or the department manager, runs it (team, plan, transitions): delivery.access.ts. */
export function canManage(project: ProjectRef, actor: Actor): boolean {
  return mayManageProject(actor, { pmId: project.pm_id });
}

export function requireManage(project: ProjectRef, actor: Actor): void {
  if (!canManage(project, actor)) throw forbidden();
}

/** Is the actor the PM or an active member of the project's team? */
export async function isTeamMember(db: Executor, project: { id: number; pm_id: number }, userId: number): Promise<boolean> {
  if (project.pm_id === userId) return true;
  const row = await db.selectFrom('project_members').select('id').where('project_id', '=', project.id).where('user_id', '=', userId).where('active', '=', 1).executeTakeFirst();
  return !!row;
}

export async function requireTeamMember(db: Executor, project: { id: number; pm_id: number }, actor: Actor): Promise<void> {
  if (!(await isTeamMember(db, project, actor.id))) throw forbidden();
}

/** A closed project takes no more changes: 409 PROJECT_CLOSED. */
export function requireOpen(project: ProjectRef): void {
  if (project.status === 'closed') throw new AppError(409, 'PROJECT_CLOSED');
}
