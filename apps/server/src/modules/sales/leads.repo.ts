import type { Executor } from '../../platform/db/executor.js';
import { codeStartsWith, containsText, countAll, narrowPage, sortOf } from '../../platform/db/query.js';
import { customerIdsNamed } from './customers.repo.js';
import { leadScopeWhere, type SalesScope } from './sales.scope.js';

export function leadSelect(db: Executor) {
  return db
    .selectFrom('leads as l')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .leftJoin('users as a', 'a.id', 'l.assignee_id')
    .leftJoin('users as r', 'r.id', 'l.registered_by')
    .leftJoin('departments as d', 'd.id', 'l.registered_department_id')
    .selectAll('l')
    .select(['c.name as customer_name', 'c.region as customer_region', 'a.name as assignee_name', 'r.name as registered_by_name', 'd.name as registered_department_name']);
}
export type LeadRow = Awaited<ReturnType<ReturnType<typeof leadSelect>['executeTakeFirstOrThrow']>>;

export function findLead(db: Executor, id: number, scope: SalesScope) {
  return leadSelect(db).where('l.id', '=', id).where(leadScopeWhere(scope)).executeTakeFirst();
}

export type LeadFilter = { q?: string; statuses?: string[]; assigneeId?: number; customerId?: number; urgency?: string; channel?: string };
const SORTS = { createdAt: 'l.created_at', expectedValue: 'l.expected_value_fen', status: 'l.status', urgency: 'l.urgency', code: 'l.code' } as const;

export async function listLeads(db: Executor, scope: SalesScope, f: LeadFilter, page: number, pageSize: number, sort?: string) {
  // The narrow query: leads alone (the customer's name and region as subqueries), see narrowPage.
  const narrow = () => {
    let q = db.selectFrom('leads as l').where(leadScopeWhere(scope, 'l', null));
    if (f.q) q = q.where((eb) => eb.or([containsText('l.title', f.q!), eb('l.customer_id', 'in', customerIdsNamed(db, f.q!)), codeStartsWith('l.code', f.q!)]));
    if (f.statuses?.length) q = q.where('l.status', 'in', f.statuses);
    if (f.assigneeId) q = q.where('l.assignee_id', '=', f.assigneeId);
    if (f.customerId) q = q.where('l.customer_id', '=', f.customerId);
    if (f.urgency) q = q.where('l.urgency', '=', f.urgency);
    if (f.channel) q = q.where('l.channel', '=', f.channel);
    return q;
  };
  const { column, direction } = sortOf(sort ?? '-createdAt', SORTS, 'createdAt');
  return narrowPage(
    narrow().select('l.id').orderBy(column, direction).orderBy('l.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    narrow().select(countAll).executeTakeFirst(),
    (ids) => leadSelect(db).where('l.id', 'in', ids).execute(),
  );
}
