import type { Executor } from '../../platform/db/executor.js';
import { containsText, countAll, narrowPage, sortOf } from '../../platform/db/query.js';
import { customerScopeWhere, type SalesScope } from './sales.scope.js';

export function customerSelect(db: Executor) {
  return db.selectFrom('customers as c').leftJoin('users as o', 'o.id', 'c.owner_id').selectAll('c').select('o.name as owner_name');
}
export type CustomerRow = Awaited<ReturnType<ReturnType<typeof customerSelect>['executeTakeFirstOrThrow']>>;

export function findCustomer(db: Executor, id: number, scope: SalesScope) {
  return customerSelect(db).where('c.id', '=', id).where(customerScopeWhere(scope)).executeTakeFirst();
}

/** Ids of customers whose name contains `text`: for lists that search by customer without joining it. */
export function customerIdsNamed(db: Executor, text: string) {
  return db.selectFrom('customers as qc').select('qc.id').where(containsText('qc.name', text));
}

export type CustomerFilter = { q?: string; industry?: string; region?: string; ownerId?: number; pool?: boolean };
const SORTS = { createdAt: 'c.created_at', name: 'c.name', lastActivityAt: 'c.last_activity_at', region: 'c.region' } as const;

export async function listCustomers(db: Executor, scope: SalesScope, f: CustomerFilter, page: number, pageSize: number, sort?: string) {
  // The narrow query: customers without the owner's name, see narrowPage.
  const narrow = () => {
    // Every scope sees the pool (an owner-less customer is in each), so the pool skips the scope test.
    let q = f.pool ? db.selectFrom('customers as c') : db.selectFrom('customers as c').where(customerScopeWhere(scope));
    if (f.q) q = q.where((eb) => eb.or([containsText('c.name', f.q!), eb('c.uscc', '=', f.q!.toUpperCase())]));
    if (f.industry) q = q.where('c.industry', '=', f.industry);
    if (f.region) q = q.where('c.region', '=', f.region);
    if (f.ownerId) q = q.where('c.owner_id', '=', f.ownerId);
    if (f.pool) q = q.where('c.owner_id', 'is', null);
    return q;
  };
  const { column, direction } = sortOf(sort ?? '-createdAt', SORTS, 'createdAt');
  return narrowPage(
    narrow().select('c.id').orderBy(column, direction).orderBy('c.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    narrow().select(countAll).executeTakeFirst(),
    (ids) => customerSelect(db).where('c.id', 'in', ids).execute(),
  );
}

export function listContacts(db: Executor, customerId: number) {
  return db.selectFrom('contacts').selectAll().where('customer_id', '=', customerId).orderBy('is_primary', 'desc').orderBy('id').execute();
}

/** Normalised name used for duplicate detection: no spaces or brackets, full-width folded, lower case. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s()（）【】[\]·.,，。-]/g, '')
    .replace(/有限责任公司$|有限公司$|股份公司$/, '')
    .toLowerCase();
}

export async function findDuplicateCustomer(db: Executor, name: string, uscc: string | null | undefined, exceptId?: number) {
  let q = db.selectFrom('customers').select(['id', 'name']);
  q = q.where((eb) => (uscc ? eb.or([eb('name_key', '=', nameKey(name)), eb('uscc', '=', uscc)]) : eb('name_key', '=', nameKey(name))));
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}
