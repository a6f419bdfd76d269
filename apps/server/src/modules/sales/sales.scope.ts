import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '@domain/shared/actor.js';
import type { Executor } from '../../platform/db/executor.js';
import { orgModule } from '../org/index.js';

/**
 * What part of the sales data an actor sees (docs/design.md §1 data scopes): the manager and leaders
 * everything; a deputy their business areas and their reports' records; a pm their own and
 * their reports'; everyone else what they own, registered or were assigned.
 */
export type SalesScope = { all: true } | { all: false; userIds: number[]; areas: string[] };

export async function salesScopeOf(db: Executor, actor: Actor): Promise<SalesScope> {
  if (actor.role === 'manager' || actor.role === 'leader') return { all: true };
  const below = actor.role === 'deputy' || actor.role === 'pm' ? await orgModule.queries.subordinateIds(db, actor.id) : [];
  return { all: false, userIds: [actor.id, ...below], areas: actor.role === 'deputy' ? actor.businessAreas : [] };
}

const TRUE = sql<SqlBool>`1 = 1`;

function inList(column: string, values: readonly (number | string)[]): Expression<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;
}

/** `column` (a customer id) names a customer in one of `areas`: for queries without the customers join. */
export function customerInAreas(column: string, areas: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (select ac.id from customers ac where ${inList('ac.region', areas)})`;
}

/** Leads: registered by, assigned to, or (deputy) in the customer's region. `c` must be joined, or pass null. */
export function leadScopeWhere(scope: SalesScope, lead = 'l', customer: string | null = 'c'): Expression<SqlBool> {
  if (scope.all) return TRUE;
  const parts = [inList(`${lead}.registered_by`, scope.userIds), inList(`${lead}.assignee_id`, scope.userIds)];
  if (scope.areas.length) parts.push(customer ? inList(`${customer}.region`, scope.areas) : customerInAreas(`${lead}.customer_id`, scope.areas));
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * Customers: owned, in the pool, in the region (deputy), or the customer of a lead assigned to them.
 * Registering a lead grants nothing: the registrant sees their lead, not its customer.
 */
export function customerScopeWhere(scope: SalesScope, customer = 'c'): Expression<SqlBool> {
  if (scope.all) return TRUE;
  const ids = scope.userIds;
  // `+owner_id` keeps the planners off the owner index for these branches (the pool is most
  // customers): the industry or date index with these as a filter reads far fewer rows.
  const owner = sql`+${sql.ref(`${customer}.owner_id`)}`;
  const parts: Expression<SqlBool>[] = [
    ids.length ? sql<SqlBool>`${owner} in (${sql.join(ids)})` : sql<SqlBool>`1 = 0`,
    sql<SqlBool>`${owner} is null`,
    // Uncorrelated: the few customers of the user's leads are found once, not probed per customer row.
    sql<SqlBool>`${sql.ref(`${customer}.id`)} in (select sl.customer_id from leads sl where ${inList('sl.assignee_id', ids)})`,
  ];
  if (scope.areas.length) parts.push(inList(`${customer}.region`, scope.areas));
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Proposals and contracts: by their author/owner, or (deputy) the customer's region. */
export function ownedScopeWhere(scope: SalesScope, ownerColumn: string, customer = 'c', customerIdColumn?: string): Expression<SqlBool> {
  if (scope.all) return TRUE;
  const parts = [inList(ownerColumn, scope.userIds)];
  if (scope.areas.length) parts.push(customerIdColumn ? customerInAreas(customerIdColumn, scope.areas) : inList(`${customer}.region`, scope.areas));
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
