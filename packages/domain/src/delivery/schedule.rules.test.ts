import { describe, expect, it } from 'vitest';
import { dependencyCycle, milestoneSchedule, plannedPercentOn, projectSchedule, taskStatus, weightedPercent, type PlanMilestone, type PlanTask } from './schedule.rules.js';

const task = (over: Partial<PlanTask>): PlanTask => ({ plannedStart: '2026-11-01', plannedEnd: '2026-11-10', actualStart: null, actualEnd: null, weight: 1, progress: 0, ...over });
const ms = (over: Partial<PlanMilestone>): PlanMilestone => ({ plannedStart: '2026-11-01', plannedEnd: '2026-11-30', actualEnd: null, weight: 1, tasks: [], ...over });

describe('weighted % complete', () => {
  it.each([
    [[], 0],
    [[{ weight: 1, percent: 100 }, { weight: 1, percent: 0 }], 50],
    [[{ weight: 3, percent: 100 }, { weight: 1, percent: 0 }], 75],
    [[{ weight: 1, percent: 33 }, { weight: 2, percent: 50 }], 44.3],
    [[{ weight: 0, percent: 80 }], 0],
  ])('%j → %s', (items, expected) => {
    expect(weightedPercent(items)).toBe(expected);
  });

  it.each([
    ['2026-10-31', 0],
    ['2026-11-01', 10],
    ['2026-11-05', 50],
    ['2026-11-10', 100],
    ['2026-12-01', 100],
  ])('planned share of 1–10 Nov on %s is %s', (today, expected) => {
    expect(plannedPercentOn({ plannedStart: '2026-11-01', plannedEnd: '2026-11-10' }, today)).toBe(expected);
  });

  it.each([
    [{ progress: 0 }, 'not_started'],
    [{ progress: 0, actualStart: '2026-11-02' }, 'in_progress'],
    [{ progress: 40 }, 'in_progress'],
    [{ progress: 100 }, 'done'],
  ] as const)('task %j is %s', (t, expected) => {
    expect(taskStatus(task(t))).toBe(expected);
  });
});

describe('schedule variance per milestone', () => {
  it.each([
    ['finished on time', ms({ actualEnd: '2026-11-30' }), '2026-12-10', { status: 'done', varianceDays: 0, daysLate: 0, progress: 100 }],
    ['finished 4 days late', ms({ actualEnd: '2026-12-04' }), '2026-12-10', { status: 'done', varianceDays: 4, daysLate: 4 }],
    ['finished 2 days early', ms({ actualEnd: '2026-11-28' }), '2026-12-10', { status: 'done', varianceDays: -2, daysLate: 0 }],
    ['open and 5 days past its end', ms({}), '2026-12-05', { status: 'overdue', varianceDays: 5, daysLate: 5, progress: 0 }],
    ['open, not yet due, not started', ms({}), '2026-11-15', { status: 'not_started', varianceDays: null, daysLate: 0 }],
    ['tasks half done', ms({ tasks: [task({ progress: 100, actualEnd: '2026-11-08' }), task({ progress: 0 })] }), '2026-11-15', { status: 'in_progress', progress: 50, daysLate: 0 }],
    ['all tasks done: finished when the last one was', ms({ tasks: [task({ progress: 100, actualEnd: '2026-11-08' }), task({ progress: 100, actualEnd: '2026-12-02' })] }), '2026-12-10', { status: 'done', finishedOn: '2026-12-02', daysLate: 2 }],
  ])('%s', (_, m, today, expected) => {
    expect(milestoneSchedule(m, today)).toMatchObject(expected);
  });

  it('rolls milestones up by weight and finds the worst delay', () => {
    const s = projectSchedule(
      [
        ms({ weight: 1, plannedEnd: '2026-11-10', actualEnd: '2026-11-13' }),
        ms({ weight: 3, plannedStart: '2026-11-11', plannedEnd: '2026-11-20', tasks: [task({ plannedStart: '2026-11-11', plannedEnd: '2026-11-20', progress: 40 })] }),
      ],
      '2026-11-15',
    );
    expect(s.percentComplete).toBe(55); // (1×100 + 3×40) / 4
    expect(s.plannedPercent).toBe(62.5); // (1×100 + 3×50) / 4
    expect(s.progressGap).toBe(7.5);
    expect(s.maxDaysLate).toBe(3);
    expect(s.overdueMilestones).toBe(0);
  });

  it('refuses dependency loops', () => {
    const graph = new Map<number, number[]>([[2, [1]], [3, [2]]]);
    expect(dependencyCycle(1, [3], graph)).toBe(true);
    expect(dependencyCycle(1, [1], graph)).toBe(true);
    expect(dependencyCycle(4, [3], graph)).toBe(false);
  });
});
