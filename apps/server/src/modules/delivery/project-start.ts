import type { Deps, RequestMeta } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/context.js';
import { nextCode } from '../../platform/db/counters.js';
import { salesModule, type CustomerRelatedRow, type SalesScope, type SignedContract } from '../sales/index.js';

/**
 * [3.2.1] The project a signed contract starts, in the signing transaction: planning, led by the
 * lead's assignee, with the accepted proposal's milestones and budget lines. Sales calls it
 * through the `createProjectFromContract` hook.
 */
export async function createProjectFromContract(trx: Executor, deps: Deps, meta: RequestMeta, contract: SignedContract): Promise<{ id: number; code: string }> {
  const at = nowIso(deps);
  const code = await nextCode(trx, 'PRJ', deps.now().getUTCFullYear(), 4);
  const budget = contract.budgetLines.reduce((s, l) => s + l.amountFen, 0);
  const { id } = await trx
    .insertInto('projects')
    .values({ code, name: contract.title, status: 'planning', contract_id: contract.contractId, customer_id: contract.customerId, pm_id: contract.pmId, start_date: contract.startDate, end_date: contract.endDate, budget_fen: budget, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  let seq = 1;
  for (const m of contract.milestones) {
    await trx.insertInto('project_milestones').values({ project_id: id, seq: seq++, name: m.name, planned_start: m.start, planned_end: m.end, deliverable: m.deliverable }).execute();
  }
  seq = 1;
  for (const b of contract.budgetLines) {
    await trx.insertInto('project_budget_lines').values({ project_id: id, seq: seq++, item: b.item, amount_fen: b.amountFen }).execute();
  }
  await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'project', entityId: id, after: { code, contractId: contract.contractId, status: 'planning' } }, at);
  return { id, code };
}

/** The customer page's projects: a customer's projects led by someone in the sales scope (a deputy also sees their regions'), newest first. */
export async function projectsOfCustomer(db: Executor, customerId: number, scope: SalesScope, limit: number): Promise<CustomerRelatedRow[]> {
  const rows = await db
    .selectFrom('projects as j')
    .select(['j.id', 'j.code', 'j.name as title', 'j.status', 'j.budget_fen as valueFen', 'j.created_at as createdAt'])
    .where('j.customer_id', '=', customerId)
    .where(salesModule.queries.ownedScopeWhere(scope, 'j.pm_id', 'c', 'j.customer_id'))
    .orderBy('j.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, valueFen: Number(r.valueFen) }));
}
