import type { ChangeCreate, PlanSnapshot } from './change.schema.js';
import { daysBetween, maxDate } from './dates.rules.js';

type Proposed = Pick<ChangeCreate, 'milestoneChanges' | 'newMilestones' | 'budgetChanges' | 'newBudgetLines' | 'endDate'>;

/**
 * The plan and budget as they would be after the change: moved milestones, new ones, changed and
 * new budget lines (new ids are 0 until saved), the end date stretched to cover every milestone.
 */
export function applyChange(before: PlanSnapshot, change: Proposed): PlanSnapshot {
  const moved = new Map(change.milestoneChanges.map((m) => [m.milestoneId, m]));
  const amounts = new Map(change.budgetChanges.map((b) => [b.budgetLineId, b.amountFen]));
  const milestones = [
    ...before.milestones.map((m) => {
      const c = moved.get(m.id);
      return c ? { ...m, plannedStart: c.plannedStart ?? m.plannedStart, plannedEnd: c.plannedEnd ?? m.plannedEnd } : m;
    }),
    ...change.newMilestones.map((m) => ({ id: 0, name: m.name, plannedStart: m.plannedStart, plannedEnd: m.plannedEnd })),
  ];
  const budgetLines = [
    ...before.budgetLines.map((l) => (amounts.has(l.id) ? { ...l, amountFen: amounts.get(l.id)! } : l)),
    ...change.newBudgetLines.map((l) => ({ id: 0, item: l.item, amountFen: l.amountFen })),
  ];
  const endDate = maxDate([change.endDate ?? before.endDate, ...milestones.map((m) => m.plannedEnd)])!;
  return { endDate, budgetFen: budgetLines.reduce((s, l) => s + l.amountFen, 0), milestones, budgetLines };
}

export function changeImpact(before: PlanSnapshot, after: PlanSnapshot): { budgetImpactFen: number; scheduleImpactDays: number } {
  return { budgetImpactFen: after.budgetFen - before.budgetFen, scheduleImpactDays: daysBetween(before.endDate, after.endDate) };
}

/** Field paths of the change that point at milestones or lines the project does not have, or whose dates end up out of order. */
export function changeProblems(before: PlanSnapshot, change: Proposed): Record<string, string> {
  const fields: Record<string, string> = {};
  const milestones = new Map(before.milestones.map((m) => [m.id, m]));
  const lines = new Set(before.budgetLines.map((l) => l.id));
  change.milestoneChanges.forEach((c, i) => {
    const m = milestones.get(c.milestoneId);
    if (!m) fields[`milestoneChanges.${i}.milestoneId`] = 'field.notInProject';
    else if ((c.plannedStart ?? m.plannedStart) > (c.plannedEnd ?? m.plannedEnd)) fields[`milestoneChanges.${i}.plannedEnd`] = 'field.dateOrder';
  });
  change.budgetChanges.forEach((c, i) => {
    if (!lines.has(c.budgetLineId)) fields[`budgetChanges.${i}.budgetLineId`] = 'field.notInProject';
  });
  return fields;
}
