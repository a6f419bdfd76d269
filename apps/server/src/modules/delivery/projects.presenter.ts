import type { Actor } from '@domain/shared/actor.js';
import type { ProjectDto, ProjectSummaryDto } from '@domain/delivery/project.schema.js';
import type { ProjectStatus } from '@domain/delivery/project.machine.js';
import type { HealthLevel } from '@domain/delivery/health.rules.js';
import type { ProjectRow } from './projects.repo.js';

const fromTenths = (v: number | null) => (v === null ? null : Number(v) / 10);

export function presentProjectSummary(r: ProjectRow, actor: Actor, isMember: boolean): ProjectSummaryDto {
  return {
    id: r.id,
    version: r.version,
    code: r.code,
    name: r.name,
    status: r.status as ProjectStatus,
    contractId: r.contract_id,
    contractNumber: r.contract_number,
    contractFen: Number(r.contract_fen),
    customerId: r.customer_id,
    customerName: r.customer_name,
    pmId: r.pm_id,
    pmName: r.pm_name,
    startDate: r.start_date,
    endDate: r.end_date,
    budgetFen: Number(r.budget_fen),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    health: (r.s_health as HealthLevel | null) ?? null,
    percentComplete: fromTenths(r.s_percent_tenths),
    plannedPercent: fromTenths(r.s_planned_tenths),
    spentFen: r.s_spent_fen === null ? null : Number(r.s_spent_fen),
    budgetUsagePct: fromTenths(r.s_usage_tenths),
    outstandingFen: r.s_outstanding_fen === null ? null : Number(r.s_outstanding_fen),
    overdueFen: r.s_overdue_fen === null ? null : Number(r.s_overdue_fen),
    myRole: r.pm_id === actor.id ? 'pm' : isMember ? 'member' : null,
  };
}

export type ProjectDetailParts = Omit<ProjectDto, keyof ProjectSummaryDto>;

/** The detail answer: the summary with today's figures in place of the stored ones. */
export function presentProject(r: ProjectRow, actor: Actor, isMember: boolean, parts: ProjectDetailParts): ProjectDto {
  const summary = presentProjectSummary(r, actor, isMember);
  return {
    ...summary,
    health: parts.healthDetail.level,
    percentComplete: parts.schedule.percentComplete,
    plannedPercent: parts.schedule.plannedPercent,
    spentFen: parts.cost.spentFen,
    budgetUsagePct: parts.cost.budgetFen > 0 ? Math.round((1000 * (parts.cost.spentFen + parts.cost.committedFen)) / parts.cost.budgetFen) / 10 : 0,
    outstandingFen: parts.receivables.outstandingFen,
    overdueFen: parts.receivables.overdueFen,
    ...parts,
  };
}
