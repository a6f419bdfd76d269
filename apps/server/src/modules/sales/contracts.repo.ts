import type { Executor } from '../../platform/db/executor.js';
import { codeStartsWith, containsText, countAll, narrowPage, sortOf } from '../../platform/db/query.js';
import { customerIdsNamed } from './customers.repo.js';
import { ownedScopeWhere, type SalesScope } from './sales.scope.js';

export function contractSelect(db: Executor) {
  return db
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .innerJoin('users as o', 'o.id', 'k.owner_id')
    .selectAll('k')
    .select(['c.name as customer_name', 'o.name as owner_name']);
}
export type ContractRow = Awaited<ReturnType<ReturnType<typeof contractSelect>['executeTakeFirstOrThrow']>>;

export function findContract(db: Executor, id: number, scope: SalesScope) {
  return contractSelect(db).where('k.id', '=', id).where(ownedScopeWhere(scope, 'k.owner_id')).executeTakeFirst();
}

export function listInstalments(db: Executor, contractId: number) {
  return db.selectFrom('contract_instalments').selectAll().where('contract_id', '=', contractId).orderBy('seq').execute();
}

const SORTS = { createdAt: 'k.created_at', signedDate: 'k.signed_date', amount: 'k.amount_fen', number: 'k.number' } as const;

export async function listContracts(db: Executor, scope: SalesScope, f: { q?: string; status?: string; customerId?: number }, page: number, pageSize: number, sort?: string) {
  // The narrow query: contracts alone (the customer as subqueries), see narrowPage.
  const narrow = () => {
    let q = db.selectFrom('contracts as k').where(ownedScopeWhere(scope, 'k.owner_id', 'c', 'k.customer_id'));
    if (f.q) q = q.where((eb) => eb.or([containsText('k.title', f.q!), eb('k.customer_id', 'in', customerIdsNamed(db, f.q!)), codeStartsWith('k.number', f.q!)]));
    if (f.status) q = q.where('k.status', '=', f.status);
    if (f.customerId) q = q.where('k.customer_id', '=', f.customerId);
    return q;
  };
  const { column, direction } = sortOf(sort ?? '-createdAt', SORTS, 'createdAt');
  return narrowPage(
    narrow().select('k.id').orderBy(column, direction).orderBy('k.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    narrow().select(countAll).executeTakeFirst(),
    (ids) => contractSelect(db).where('k.id', 'in', ids).execute(),
  );
}
