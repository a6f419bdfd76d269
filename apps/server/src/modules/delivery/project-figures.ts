import { sql } from 'kysely';
import { costSummary, lineUsage } from '@domain/delivery/cost.rules.js';
import { projectHealth, type Health } from '@domain/delivery/health.rules.js';
import { receivables, type InvoiceBalance, type Receivables } from '@domain/delivery/receivables.rules.js';
import { projectSchedule, taskStatus, type PlanMilestone, type ProjectSchedule } from '@domain/delivery/schedule.rules.js';
import { daysBetween } from '@domain/delivery/dates.rules.js';
import { COMMITTED_EXPENSE_STATUSES, SPENT_EXPENSE_STATUSES } from '@domain/delivery/expense.machine.js';
import type { BudgetLineViewDto, MilestoneViewDto } from '@domain/delivery/project.schema.js';
import type { Executor } from '../../platform/db/executor.js';
import { getSettings } from '../../platform/settings/settings.js';
import { salesModule } from '../sales/index.js';

export function loadMilestones(db: Executor, projectId: number) {
  return db.selectFrom('project_milestones').selectAll().where('project_id', '=', projectId).orderBy('seq').orderBy('id').execute();
}
export type MilestoneRow = Awaited<ReturnType<typeof loadMilestones>>[number];

export function loadTasks(db: Executor, projectId: number) {
  return db
    .selectFrom('project_tasks as t')
    .innerJoin('users as o', 'o.id', 't.owner_id')
    .selectAll('t')
    .select('o.name as owner_name')
    .where('t.project_id', '=', projectId)
    .orderBy('t.milestone_id')
    .orderBy('t.seq')
    .orderBy('t.id')
    .execute();
}
export type TaskRow = Awaited<ReturnType<typeof loadTasks>>[number];

/** Each budget line with what is spent (approved, paid) and committed (in approval) on it. */
export async function loadLineSpends(db: Executor, projectId: number) {
  const lines = await db.selectFrom('project_budget_lines').selectAll().where('project_id', '=', projectId).orderBy('seq').orderBy('id').execute();
  const sums = await db
    .selectFrom('project_expenses')
    .select([
      'budget_line_id',
      sql<number>`sum(case when status in (${sql.join([...SPENT_EXPENSE_STATUSES])}) then amount_fen else 0 end)`.as('spent'),
      sql<number>`sum(case when status in (${sql.join([...COMMITTED_EXPENSE_STATUSES])}) then amount_fen else 0 end)`.as('committed'),
    ])
    .where('project_id', '=', projectId)
    .groupBy('budget_line_id')
    .execute();
  const byLine = new Map(sums.map((s) => [s.budget_line_id, s]));
  return lines.map((l) => ({
    id: l.id,
    seq: l.seq,
    item: l.item,
    budgetFen: Number(l.amount_fen),
    spentFen: Number(byLine.get(l.id)?.spent ?? 0),
    committedFen: Number(byLine.get(l.id)?.committed ?? 0),
  }));
}
export type LineSpendRow = Awaited<ReturnType<typeof loadLineSpends>>[number];

/** Invoices of the project with what was received against each. */
export function loadInvoices(db: Executor, projectId: number) {
  return db
    .selectFrom('project_invoices as i')
    .leftJoin('users as u', 'u.id', 'i.created_by')
    .selectAll('i')
    .select((eb) => [
      salesModule.queries.instalmentNameOf('i.instalment_id').as('instalment_name'),
      'u.name as created_by_name',
      eb.fn.coalesce(eb.selectFrom('project_payments as p').whereRef('p.invoice_id', '=', 'i.id').select((e) => e.fn.sum<number>('p.amount_fen').as('s')), sql<number>`0`).as('paid_fen'),
    ])
    .where('i.project_id', '=', projectId)
    .orderBy('i.issued_date')
    .orderBy('i.id')
    .execute();
}
export type InvoiceRow = Awaited<ReturnType<typeof loadInvoices>>[number];

export function invoiceBalance(r: InvoiceRow): InvoiceBalance {
  return { amountFen: Number(r.amount_fen), paidFen: Number(r.paid_fen), dueDate: r.due_date };
}

async function issueCounts(db: Executor, projectId: number) {
  const row = await db
    .selectFrom('project_issues')
    .select([sql<number>`count(*)`.as('open'), sql<number>`sum(case when severity = 'major' then 1 else 0 end)`.as('major')])
    .where('project_id', '=', projectId)
    .where('status', '<>', 'closed')
    .executeTakeFirst();
  return { open: Number(row?.open ?? 0), major: Number(row?.major ?? 0) };
}

export function planOf(milestones: readonly MilestoneRow[], tasks: readonly TaskRow[]): PlanMilestone[] {
  return milestones.map((m) => ({
    plannedStart: m.planned_start,
    plannedEnd: m.planned_end,
    actualEnd: m.actual_end,
    weight: Number(m.weight),
    tasks: tasks
      .filter((t) => t.milestone_id === m.id)
      .map((t) => ({ plannedStart: t.planned_start, plannedEnd: t.planned_end, actualStart: t.actual_start, actualEnd: t.actual_end, weight: Number(t.weight), progress: Number(t.progress) })),
  }));
}

export type Figures = {
  asOf: string;
  schedule: ProjectSchedule;
  milestones: MilestoneViewDto[];
  lines: BudgetLineViewDto[];
  cost: ReturnType<typeof costSummary> & { warningPct: number };
  receivables: Receivables;
  invoices: InvoiceRow[];
  health: Health;
  issues: { open: number; major: number };
};

/** The two settings the figures need, read in one query (with their defaults when none is stored). */
async function figureSettings(db: Executor, today: string) {
  const values = await getSettings(db, ['delivery.budget.warningPct', 'delivery.health.thresholds'], today);
  return { warningPct: values['delivery.budget.warningPct'], thresholds: values['delivery.health.thresholds'] };
}

type ProjectBasics = { id: number; status: string; contract_fen: number; write_off_fen: number };

/** Plan vs actual, cost control, receivables and health of one project as of `today`. */
export async function computeFigures(db: Executor, project: ProjectBasics, today: string): Promise<Figures> {
  const [milestones, tasks, spends, invoices, issues, settings] = await Promise.all([
    loadMilestones(db, project.id),
    loadTasks(db, project.id),
    loadLineSpends(db, project.id),
    loadInvoices(db, project.id),
    issueCounts(db, project.id),
    figureSettings(db, today),
  ]);
  const { warningPct, thresholds } = settings;
  const schedule = projectSchedule(planOf(milestones, tasks), today);
  const cost = costSummary(spends, warningPct);
  const money = receivables(Number(project.contract_fen), invoices.map(invoiceBalance), today, Number(project.write_off_fen));
  const health = projectHealth({ maxDaysLate: schedule.maxDaysLate, progressGap: schedule.progressGap, costOverrunPct: cost.overrunPct, openMajorIssues: issues.major }, thresholds);
  return {
    asOf: today,
    schedule,
    milestones: milestones.map((m, i) => {
      const s = schedule.milestones[i]!;
      return {
        id: m.id,
        version: Number(m.version),
        seq: m.seq,
        name: m.name,
        plannedStart: m.planned_start,
        plannedEnd: m.planned_end,
        actualStart: m.actual_start,
        actualEnd: m.actual_end ?? s.finishedOn,
        deliverable: m.deliverable,
        weight: Number(m.weight),
        progress: s.progress,
        plannedPercent: s.plannedPercent,
        status: s.status,
        varianceDays: s.varianceDays,
        daysLate: s.daysLate,
        taskCount: tasks.filter((t) => t.milestone_id === m.id).length,
      };
    }),
    lines: spends.map((l) => ({ id: l.id, seq: l.seq, item: l.item, amountFen: l.budgetFen, spentFen: l.spentFen, committedFen: l.committedFen, ...lineUsage(l, warningPct) })),
    cost: { ...cost, warningPct },
    receivables: money,
    invoices,
    health,
    issues,
  };
}

export function taskView(t: TaskRow, today: string) {
  const status = taskStatus({ progress: Number(t.progress), actualStart: t.actual_start, actualEnd: t.actual_end });
  const end = t.actual_end ?? (status === 'done' ? t.planned_end : today);
  const late = Math.max(0, daysBetween(t.planned_end, end));
  return {
    id: t.id,
    version: t.version,
    projectId: t.project_id,
    milestoneId: t.milestone_id,
    seq: t.seq,
    name: t.name,
    ownerId: t.owner_id,
    ownerName: t.owner_name,
    plannedStart: t.planned_start,
    plannedEnd: t.planned_end,
    actualStart: t.actual_start,
    actualEnd: t.actual_end,
    weight: Number(t.weight),
    progress: Number(t.progress),
    status,
    daysLate: late,
    dependsOn: JSON.parse(t.depends_on) as number[],
    note: t.note,
  };
}

const tenths = (v: number) => Math.round(v * 10);

/** Stores the project's figures for lists and the portfolio; called in the transaction of every change to them. */
export async function refreshStats(db: Executor, project: ProjectBasics, today: string, at: string): Promise<Figures> {
  const f = await computeFigures(db, project, today);
  const values = {
    as_of: today,
    health: f.health.level,
    health_factors: JSON.stringify(f.health.factors),
    percent_tenths: tenths(f.schedule.percentComplete),
    planned_tenths: tenths(f.schedule.plannedPercent),
    max_days_late: f.schedule.maxDaysLate,
    overdue_milestones: f.schedule.overdueMilestones,
    budget_fen: f.cost.budgetFen,
    spent_fen: f.cost.spentFen,
    committed_fen: f.cost.committedFen,
    usage_tenths: tenths(f.cost.budgetFen > 0 ? (100 * (f.cost.spentFen + f.cost.committedFen)) / f.cost.budgetFen : 0),
    contract_fen: f.receivables.contractFen,
    invoiced_fen: f.receivables.invoicedFen,
    received_fen: f.receivables.receivedFen,
    outstanding_fen: f.receivables.outstandingFen,
    overdue_fen: f.receivables.overdueFen,
    open_issues: f.issues.open,
    open_major_issues: f.issues.major,
    updated_at: at,
  };
  await db
    .insertInto('project_stats')
    .values({ project_id: project.id, ...values })
    .onConflict((oc) => oc.column('project_id').doUpdateSet(values))
    .execute();
  return f;
}
