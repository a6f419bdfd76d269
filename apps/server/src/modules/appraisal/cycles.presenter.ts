import type { CycleDto } from '@domain/appraisal/cycle.schema.js';
import { APPRAISAL_STATUSES } from '@domain/appraisal/appraisal.machine.js';
import { roundHalfUp } from '@domain/shared/money.js';
import type { Actor } from '@domain/shared/actor.js';
import type { CycleCounts, CycleRow } from './cycles.repo.js';

export function cycleActions(row: Pick<CycleRow, 'status'>, actor: Actor): string[] {
  if (actor.role !== 'hr' || row.status !== 'open') return [];
  return ['finalize-all', 'close'];
}

export function presentCycle(row: CycleRow, counts: CycleCounts, actor: Actor): CycleDto {
  const byStatus = Object.fromEntries(APPRAISAL_STATUSES.map((s) => [s, counts.byStatus[s] ?? 0])) as CycleDto['counts']['byStatus'];
  return {
    id: row.id,
    version: row.version,
    type: row.type as CycleDto['type'],
    period: row.period,
    name: row.name,
    status: row.status as CycleDto['status'],
    templateId: row.template_id,
    templateName: row.template_name,
    templateVersionNo: row.template_version_no,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    openedOn: row.opened_on,
    dueDates: { self: row.self_due, supervisor: row.supervisor_due, reviews: row.reviews_due, feedback: row.feedback_due },
    departmentIds: JSON.parse(row.department_ids_json) as number[],
    counts: { total: counts.total, late: counts.late, byStatus },
    completionRate: counts.total ? roundHalfUp((100 * byStatus.finalized) / counts.total, 2) : 0,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    actions: cycleActions(row, actor),
  };
}
