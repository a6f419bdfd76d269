import { sql } from 'kysely';
import { PROJECT_STATUSES } from '@domain/delivery/project.machine.js';
import { daysBetween } from '@domain/delivery/dates.rules.js';
import { receivablesAgeing } from '@domain/delivery/receivables.rules.js';
import type { PortfolioDto } from '@domain/delivery/portfolio.schema.js';
import type { HealthLevel } from '@domain/delivery/health.rules.js';
import type { IssueSeverity, IssueStatus } from '@domain/delivery/issue.machine.js';
import type { ProjectStatus } from '@domain/delivery/project.machine.js';
import type { Deps, RequestMeta } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { salesModule } from '../sales/index.js';
import { projectScopeOf, projectScopeWhere, type ProjectScope } from './delivery.scope.js';
import { todayOf } from './delivery.support.js';

function scoped(db: Executor, scope: ProjectScope) {
  return db.selectFrom('projects as j').where(projectScopeWhere(scope));
}

/** The manager's portfolio [3.2.3, 3.3.3]: health, overdue milestones, escalations, receivables ageing, over the projects in scope. */
export async function getPortfolio(deps: Deps, db: Executor, meta: RequestMeta): Promise<PortfolioDto> {
  const scope = await projectScopeOf(db, meta.actor);
  const today = todayOf(deps);
  const [statusRows, healthRows, money, milestones, issues, invoices, risky] = await Promise.all([
    scoped(db, scope).select(['j.status', sql<number>`count(*)`.as('n')]).groupBy('j.status').execute(),
    scoped(db, scope).leftJoin('project_stats as s', 's.project_id', 'j.id').select(['s.health', sql<number>`count(*)`.as('n')]).where('j.status', '<>', 'closed').groupBy('s.health').execute(),
    scoped(db, scope)
      .leftJoin('project_stats as s', 's.project_id', 'j.id')
      .select([
        sql<number>`coalesce(sum(${salesModule.queries.contractAmountOf('j.contract_id')}), 0)`.as('contract'),
        sql<number>`coalesce(sum(j.budget_fen), 0)`.as('budget'),
        sql<number>`coalesce(sum(s.spent_fen), 0)`.as('spent'),
        sql<number>`coalesce(sum(s.invoiced_fen), 0)`.as('invoiced'),
        sql<number>`coalesce(sum(s.received_fen), 0)`.as('received'),
        sql<number>`coalesce(sum(s.outstanding_fen), 0)`.as('outstanding'),
        sql<number>`coalesce(sum(s.overdue_fen), 0)`.as('overdue'),
      ])
      .where('j.status', '<>', 'closed')
      .executeTakeFirst(),
    scoped(db, scope)
      .innerJoin('project_milestones as m', 'm.project_id', 'j.id')
      .innerJoin('users as u', 'u.id', 'j.pm_id')
      .select(['j.id as project_id', 'j.code', 'j.name as project_name', 'u.name as pm_name', 'm.id', 'm.name', 'm.planned_end'])
      .where('j.status', 'in', ['planning', 'executing'])
      .where('m.actual_end', 'is', null)
      .where('m.planned_end', '<', today)
      // A milestone whose tasks are all done is finished even without a recorded end.
      .where((eb) => eb.or([eb.not(eb.exists(eb.selectFrom('project_tasks as t').select('t.id').whereRef('t.milestone_id', '=', 'm.id'))), eb.exists(eb.selectFrom('project_tasks as t').select('t.id').whereRef('t.milestone_id', '=', 'm.id').where('t.progress', '<', 100))]))
      .orderBy('m.planned_end')
      .limit(20)
      .execute(),
    scoped(db, scope)
      .innerJoin('project_issues as i', 'i.project_id', 'j.id')
      .select(['j.id as project_id', 'j.code', 'j.name as project_name', 'i.id', 'i.title', 'i.severity', 'i.status', 'i.escalated_at'])
      .where('i.status', 'in', ['escalated', 'decided'])
      .orderBy('i.escalated_at', 'desc')
      .limit(20)
      .execute(),
    scoped(db, scope)
      .innerJoin('project_invoices as v', 'v.project_id', 'j.id')
      .select((eb) => [
        'v.amount_fen',
        'v.due_date',
        eb.fn.coalesce(eb.selectFrom('project_payments as p').whereRef('p.invoice_id', '=', 'v.id').select((e) => e.fn.sum<number>('p.amount_fen').as('s')), sql<number>`0`).as('paid'),
      ])
      .where('j.status', '<>', 'closed')
      .execute(),
    scoped(db, scope)
      .innerJoin('project_stats as s', 's.project_id', 'j.id')
      .innerJoin('users as u', 'u.id', 'j.pm_id')
      .select(['j.id', 'j.code', 'j.name', 'j.status', 'u.name as pm_name', 's.health', 's.percent_tenths', 's.planned_tenths', 's.usage_tenths', 's.overdue_fen'])
      .where('j.status', '<>', 'closed')
      .where('s.health', 'in', ['red', 'amber'])
      .orderBy(sql`case when s.health = 'red' then 0 else 1 end`)
      .orderBy('s.max_days_late', 'desc')
      .limit(10)
      .execute(),
  ]);
  const byStatus = Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>;
  for (const r of statusRows) byStatus[r.status as ProjectStatus] = Number(r.n);
  const health = { green: 0, amber: 0, red: 0, unrated: 0 };
  for (const r of healthRows) health[(r.health as HealthLevel | null) ?? 'unrated'] += Number(r.n);
  return {
    asOf: today,
    projectCount: statusRows.reduce((s, r) => s + Number(r.n), 0),
    byStatus,
    health,
    money: {
      contractFen: Number(money?.contract ?? 0),
      budgetFen: Number(money?.budget ?? 0),
      spentFen: Number(money?.spent ?? 0),
      invoicedFen: Number(money?.invoiced ?? 0),
      receivedFen: Number(money?.received ?? 0),
      outstandingFen: Number(money?.outstanding ?? 0),
      overdueFen: Number(money?.overdue ?? 0),
    },
    receivablesAgeing: receivablesAgeing(invoices.map((v) => ({ amountFen: Number(v.amount_fen), paidFen: Number(v.paid), dueDate: v.due_date })), today),
    overdueMilestones: milestones.map((m) => ({ projectId: m.project_id, projectCode: m.code, projectName: m.project_name, pmName: m.pm_name, milestoneId: m.id, name: m.name, plannedEnd: m.planned_end, daysLate: daysBetween(m.planned_end, today) })),
    escalations: issues.map((i) => ({ projectId: i.project_id, projectCode: i.code, projectName: i.project_name, issueId: i.id, title: i.title, severity: i.severity as IssueSeverity, status: i.status as IssueStatus, escalatedAt: i.escalated_at })),
    atRisk: risky.map((r) => ({ id: r.id, code: r.code, name: r.name, status: r.status as ProjectStatus, pmName: r.pm_name, health: r.health as HealthLevel, percentComplete: Number(r.percent_tenths) / 10, plannedPercent: Number(r.planned_tenths) / 10, budgetUsagePct: Number(r.usage_tenths) / 10, overdueFen: Number(r.overdue_fen) })),
  };
}
