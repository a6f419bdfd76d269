import { describe, expect, it } from 'vitest';
import { applyChange, changeImpact, changeProblems } from './change.rules.js';
import { changeCreateSchema, type PlanSnapshot } from './change.schema.js';

const before: PlanSnapshot = {
  endDate: '2027-03-31',
  budgetFen: 1_000_000,
  milestones: [
    { id: 1, name: '调研', plannedStart: '2026-12-01', plannedEnd: '2026-12-31' },
    { id: 2, name: '实施', plannedStart: '2027-01-04', plannedEnd: '2027-03-31' },
  ],
  budgetLines: [
    { id: 10, item: '人天', amountFen: 800_000 },
    { id: 11, item: '差旅', amountFen: 200_000 },
  ],
};
const none = { milestoneChanges: [], newMilestones: [], budgetChanges: [], newBudgetLines: [] };

describe('change request impact', () => {
  it('moves milestones, adds lines and stretches the end date', () => {
    const after = applyChange(before, {
      ...none,
      milestoneChanges: [{ milestoneId: 2, plannedEnd: '2027-04-30' }],
      newMilestones: [{ name: '二期接口', plannedStart: '2027-05-01', plannedEnd: '2027-05-31', deliverable: '接口文档', weight: 1 }],
      budgetChanges: [{ budgetLineId: 10, amountFen: 900_000 }],
      newBudgetLines: [{ item: '接口开发', amountFen: 150_000 }],
    });
    expect(after.endDate).toBe('2027-05-31');
    expect(after.budgetFen).toBe(1_250_000);
    expect(after.milestones.map((m) => [m.id, m.plannedEnd])).toEqual([
      [1, '2026-12-31'],
      [2, '2027-04-30'],
      [0, '2027-05-31'],
    ]);
    expect(changeImpact(before, after)).toEqual({ budgetImpactFen: 250_000, scheduleImpactDays: 61 });
  });

  it('a budget cut is a negative impact; no change is none', () => {
    expect(changeImpact(before, applyChange(before, { ...none, budgetChanges: [{ budgetLineId: 11, amountFen: 50_000 }] }))).toEqual({ budgetImpactFen: -150_000, scheduleImpactDays: 0 });
    expect(applyChange(before, none)).toEqual(before);
  });

  it('names references to another project’s milestones or lines', () => {
    expect(changeProblems(before, { ...none, milestoneChanges: [{ milestoneId: 99, plannedEnd: '2027-01-01' }, { milestoneId: 1, plannedStart: '2027-02-01' }], budgetChanges: [{ budgetLineId: 12, amountFen: 1 }] })).toEqual({
      'milestoneChanges.0.milestoneId': 'field.notInProject',
      'milestoneChanges.1.plannedEnd': 'field.dateOrder',
      'budgetChanges.0.budgetLineId': 'field.notInProject',
    });
  });

  it('validates its own input', () => {
    const base = { title: '增加接口', description: '客户要求对接 ERP', requestedBy: '陈建华', requestedOn: '2026-11-20' };
    expect(changeCreateSchema.safeParse(base).success).toBe(true);
    const bad = changeCreateSchema.safeParse({ ...base, milestoneChanges: [{ milestoneId: 1 }], budgetChanges: [{ budgetLineId: 10, amountFen: 1 }, { budgetLineId: 10, amountFen: 2 }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['budgetChanges', 'milestoneChanges.0.plannedEnd']);
  });
});
