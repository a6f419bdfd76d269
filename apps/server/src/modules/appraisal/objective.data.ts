import { addDays, monthsOfPeriod, periodRange } from '@domain/appraisal/period.rules.js';
import type { Executor } from '../../platform/db/executor.js';
import type { CycleType } from './templates.repo.js';
import { salesModule } from '../sales/index.js';
import { loadOrgTree } from './org-tree.js';

/**
 * Everything the objective items of one period read, loaded set-wise (one query per source,
 * whatever the number of employees) so opening a cycle for a thousand people stays fast.
 */
export type ObjectiveData = {
  contracts: { id: number; number: string; title: string; owner_id: number; amount_fen: number; signed_date: string | null }[];
  kpi: {
    id: number;
    period: string;
    user_id: number | null;
    department_id: number | null;
    sales_target_fen: number | null;
    profit_target_fen: number | null;
    profit_actual_fen: number | null;
    market_share_target_bp: number | null;
    market_share_actual_bp: number | null;
    projects_target: number | null;
    projects_actual: number | null;
  }[];
  attendance: { id: number; user_id: number; month: string; late_count: number; absent_half_days: number; leave_half_days: number }[];
  ratings: { id: number; employee_id: number; customer_name: string | null; score_x100: number; submitted_at: string }[];
  /** Departments each employee manages, with every member of the department and its sub-departments. */
  managed: Map<number, { departmentId: number; departmentName: string; memberIds: number[] }[]>;
};

export type PeriodScope = { type: CycleType; period: string };

/** The KPI periods that bear on a cycle: the month; or the year and its twelve months. */
export function kpiPeriodsOf(scope: PeriodScope): string[] {
  return scope.type === 'monthly' ? [scope.period] : [scope.period, ...monthsOfPeriod('annual', scope.period)];
}

async function managedDepartments(db: Executor, employeeIds: ReadonlySet<number>): Promise<ObjectiveData['managed']> {
  const tree = await loadOrgTree(db);
  const out: ObjectiveData['managed'] = new Map();
  for (const d of tree.departments) {
    if (d.manager_id === null || !employeeIds.has(d.manager_id)) continue;
    out.set(d.manager_id, [...(out.get(d.manager_id) ?? []), { departmentId: d.id, departmentName: d.name, memberIds: tree.membersBelow(d.id) }]);
  }
  return out;
}

export async function loadObjectiveData(db: Executor, scope: PeriodScope, employeeIds: readonly number[]): Promise<ObjectiveData> {
  const { start, end } = periodRange(scope.type, scope.period);
  const idSet = new Set(employeeIds);
  const [contracts, kpi, attendance, ratings, managed] = await Promise.all([
    salesModule.queries.signedContractsBetween(db, start, end),
    db
      .selectFrom('kpi_targets')
      .select(['id', 'period', 'user_id', 'department_id', 'sales_target_fen', 'profit_target_fen', 'profit_actual_fen', 'market_share_target_bp', 'market_share_actual_bp', 'projects_target', 'projects_actual'])
      .where('period', 'in', kpiPeriodsOf(scope))
      .execute(),
    db
      .selectFrom('attendance_records')
      .select(['id', 'user_id', 'month', 'late_count', 'absent_half_days', 'leave_half_days'])
      .where('month', 'in', monthsOfPeriod(scope.type, scope.period))
      .orderBy('month')
      .execute(),
    db
      .selectFrom('customer_reviews as r')
      .innerJoin('appraisals as a', 'a.id', 'r.appraisal_id')
      .innerJoin('customer_review_links as l', 'l.id', 'r.link_id')
      .select(['r.id', 'a.employee_id', salesModule.queries.customerNameOf('l.customer_id').as('customer_name'), 'r.score_x100', 'r.submitted_at'])
      .where('r.submitted_at', '>=', start)
      .where('r.submitted_at', '<', addDays(end, 1))
      .orderBy('r.submitted_at')
      .execute(),
    managedDepartments(db, idSet),
  ]);
  return {
    contracts,
    kpi: kpi.map((k) => ({
      ...k,
      sales_target_fen: k.sales_target_fen === null ? null : Number(k.sales_target_fen),
      profit_target_fen: k.profit_target_fen === null ? null : Number(k.profit_target_fen),
      profit_actual_fen: k.profit_actual_fen === null ? null : Number(k.profit_actual_fen),
    })),
    attendance,
    ratings,
    managed,
  };
}
