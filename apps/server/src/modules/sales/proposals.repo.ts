import type { Executor } from '../../platform/db/executor.js';
import { codeStartsWith, containsText, countAll, narrowPage, sortOf } from '../../platform/db/query.js';
import { customerIdsNamed } from './customers.repo.js';
import { ownedScopeWhere, type SalesScope } from './sales.scope.js';

export function proposalSelect(db: Executor) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .innerJoin('leads as l', 'l.id', 'p.lead_id')
    .innerJoin('users as a', 'a.id', 'p.author_id')
    .leftJoin('contracts as k', 'k.proposal_id', 'p.id')
    .selectAll('p')
    .select(['c.name as customer_name', 'l.title as lead_title', 'a.name as author_name', 'k.id as contract_id']);
}
export type ProposalRow = Awaited<ReturnType<ReturnType<typeof proposalSelect>['executeTakeFirstOrThrow']>>;

/** Reviewers (manager, leader) see every proposal in review; others their scope. */
export function findProposal(db: Executor, id: number, scope: SalesScope) {
  return proposalSelect(db).where('p.id', '=', id).where(ownedScopeWhere(scope, 'p.author_id')).executeTakeFirst();
}

const SORTS = { createdAt: 'p.created_at', updatedAt: 'p.updated_at', total: 'p.total_fen', status: 'p.status' } as const;

export async function listProposals(db: Executor, scope: SalesScope, f: { q?: string; statuses?: string[]; leadId?: number; customerId?: number; authorId?: number }, page: number, pageSize: number, sort?: string) {
  // The narrow query: proposals alone (the customer as subqueries), see narrowPage.
  const narrow = () => {
    let q = db.selectFrom('proposals as p').where(ownedScopeWhere(scope, 'p.author_id', 'c', 'p.customer_id'));
    if (f.q) q = q.where((eb) => eb.or([containsText('p.title', f.q!), eb('p.customer_id', 'in', customerIdsNamed(db, f.q!)), codeStartsWith('p.code', f.q!)]));
    if (f.statuses?.length) q = q.where('p.status', 'in', f.statuses);
    if (f.leadId) q = q.where('p.lead_id', '=', f.leadId);
    if (f.customerId) q = q.where('p.customer_id', '=', f.customerId);
    if (f.authorId) q = q.where('p.author_id', '=', f.authorId);
    return q;
  };
  const { column, direction } = sortOf(sort ?? '-updatedAt', SORTS, 'updatedAt');
  return narrowPage(
    narrow().select('p.id').orderBy(column, direction).orderBy('p.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    narrow().select(countAll).executeTakeFirst(),
    (ids) => proposalSelect(db).where('p.id', 'in', ids).execute(),
  );
}

export function listProposalVersions(db: Executor, proposalId: number) {
  return db
    .selectFrom('proposal_versions as v')
    .leftJoin('users as d', 'd.id', 'v.decided_by')
    .selectAll('v')
    .select('d.name as decided_by_name')
    .where('v.proposal_id', '=', proposalId)
    .orderBy('v.version_no', 'desc')
    .execute();
}

export function listNegotiations(db: Executor, proposalId: number) {
  return db.selectFrom('negotiations as n').innerJoin('users as u', 'u.id', 'n.created_by').selectAll('n').select('u.name as created_by_name').where('n.proposal_id', '=', proposalId).orderBy('n.date').orderBy('n.id').execute();
}
