import { sql, type Expression, type SqlBool } from 'kysely';
import { SPENT_EXPENSE_STATUSES, COMMITTED_EXPENSE_STATUSES } from '@domain/delivery/expense.machine.js';
import type { Executor } from '../../platform/db/executor.js';
import { containsText, countAll, narrowPage, sortOf } from '../../platform/db/query.js';
import { awaitedRecordIds } from '../../platform/approvals/my-approvals.js';
import { projectScopeWhere, type ProjectScope } from './delivery.scope.js';

export function expenseSelect(db: Executor) {
  return db
    .selectFrom('project_expenses as e')
    .innerJoin('projects as j', 'j.id', 'e.project_id')
    .innerJoin('project_budget_lines as b', 'b.id', 'e.budget_line_id')
    .innerJoin('users as u', 'u.id', 'e.claimant_id')
    .leftJoin('users as ob', 'ob.id', 'e.over_budget_approved_by')
    .leftJoin('users as rj', 'rj.id', 'e.rejected_by')
    .leftJoin('users as pb', 'pb.id', 'e.paid_by')
    .selectAll('e')
    .select([
      'j.code as project_code',
      'j.name as project_name',
      'j.pm_id as project_pm_id',
      'j.status as project_status',
      'b.item as line_item',
      'b.amount_fen as line_budget_fen',
      'u.name as claimant_name',
      'ob.name as over_budget_approved_by_name',
      'rj.name as rejected_by_name',
      'pb.name as paid_by_name',
    ]);
}
export type ExpenseRow = Awaited<ReturnType<ReturnType<typeof expenseSelect>['executeTakeFirstOrThrow']>>;

/** Expenses the actor sees: those of projects in their scope, and their own claims. */
export function expenseScopeWhere(scope: ProjectScope, actorId: number): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${projectScopeWhere(scope)} or e.claimant_id = ${actorId})`;
}

export function findExpense(db: Executor, id: number, scope: ProjectScope, actorId: number) {
  return expenseSelect(db).where('e.id', '=', id).where(expenseScopeWhere(scope, actorId)).executeTakeFirst();
}

/** Spent (approved, paid) and committed (in approval) per budget line, for the given lines. */
export async function lineTotals(db: Executor, lineIds: number[]) {
  if (lineIds.length === 0) return new Map<number, { spent: number; committed: number }>();
  const rows = await db
    .selectFrom('project_expenses')
    .select([
      'budget_line_id',
      sql<number>`sum(case when status in (${sql.join([...SPENT_EXPENSE_STATUSES])}) then amount_fen else 0 end)`.as('spent'),
      sql<number>`sum(case when status in (${sql.join([...COMMITTED_EXPENSE_STATUSES])}) then amount_fen else 0 end)`.as('committed'),
    ])
    .where('budget_line_id', 'in', lineIds)
    .groupBy('budget_line_id')
    .execute();
  return new Map(rows.map((r) => [r.budget_line_id, { spent: Number(r.spent), committed: Number(r.committed) }]));
}

const SORTS = { createdAt: 'e.created_at', expenseDate: 'e.expense_date', amount: 'e.amount_fen', code: 'e.code' } as const;

export type ExpenseFilter = { q?: string; status?: string; projectId?: number; claimantId?: number; mine?: 'claimed' | 'todo' };

export async function listExpenses(db: Executor, scope: ProjectScope, actor: { id: number; role: string }, f: ExpenseFilter, page: number, pageSize: number, sort?: string) {
  // The narrow query: expenses alone (scope and project name as subqueries), see narrowPage.
  const narrow = () => {
    let q = db.selectFrom('project_expenses as e');
    if (!scope.all) q = q.where((eb) => eb.or([eb('e.project_id', 'in', db.selectFrom('projects as j').select('j.id').where(projectScopeWhere(scope, 'j', null))), eb('e.claimant_id', '=', actor.id)]));
    if (f.q) {
      const byName = db.selectFrom('projects as qj').select('qj.id').where(containsText('qj.name', f.q));
      q = q.where((eb) => eb.or([containsText('e.description', f.q!), eb('e.project_id', 'in', byName), eb('e.code', '=', f.q!)]));
    }
    if (f.status) q = q.where('e.status', 'in', f.status.split(',').filter(Boolean));
    if (f.projectId) q = q.where('e.project_id', '=', f.projectId);
    if (f.claimantId) q = q.where('e.claimant_id', '=', f.claimantId);
    if (f.mine === 'claimed') q = q.where('e.claimant_id', '=', actor.id);
    if (f.mine === 'todo') {
      q =
        actor.role === 'finance'
          ? q.where('e.status', '=', 'approved')
          : q.where('e.id', 'in', awaitedRecordIds(db, 'expense', actor.id));
    }
    return q;
  };
  const { column, direction } = sortOf(sort ?? '-createdAt', SORTS, 'createdAt');
  return narrowPage(
    narrow().select('e.id').orderBy(column, direction).orderBy('e.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    narrow().select(countAll).executeTakeFirst(),
    (ids) => expenseSelect(db).where('e.id', 'in', ids).execute(),
  );
}
