import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { leadScopeWhere, ownedScopeWhere, type SalesScope } from './sales.scope.js';

/** What the customer page lists beside the customer: its leads, proposals, contracts and projects in my scope. */
export async function customerRelated(deps: Pick<Deps, 'modules'>, db: Executor, customerId: number, scope: SalesScope) {
  const [leads, proposals, contracts, projects] = await Promise.all([
    db.selectFrom('leads as l').innerJoin('customers as c', 'c.id', 'l.customer_id').select(['l.id', 'l.code', 'l.title', 'l.status', 'l.expected_value_fen as valueFen', 'l.created_at as createdAt']).where('l.customer_id', '=', customerId).where(leadScopeWhere(scope)).orderBy('l.id', 'desc').limit(50).execute(),
    db.selectFrom('proposals as p').innerJoin('customers as c', 'c.id', 'p.customer_id').select(['p.id', 'p.code', 'p.title', 'p.status', 'p.total_fen as valueFen', 'p.created_at as createdAt']).where('p.customer_id', '=', customerId).where(ownedScopeWhere(scope, 'p.author_id')).orderBy('p.id', 'desc').limit(50).execute(),
    db.selectFrom('contracts as k').innerJoin('customers as c', 'c.id', 'k.customer_id').select(['k.id', 'k.number as code', 'k.title', 'k.status', 'k.amount_fen as valueFen', 'k.created_at as createdAt']).where('k.customer_id', '=', customerId).where(ownedScopeWhere(scope, 'k.owner_id')).orderBy('k.id', 'desc').limit(50).execute(),
    deps.modules.hooks.projectsOfCustomer(db, customerId, scope, 50),
  ]);
  const money = <T extends { valueFen: number }>(rows: T[]) => rows.map((r) => ({ ...r, valueFen: Number(r.valueFen) }));
  return { leads: money(leads), proposals: money(proposals), contracts: money(contracts), projects: money(projects) };
}
