import { describe, expect, it } from 'vitest';
import { costSummary, exceedsBudget, lineUsage } from './cost.rules.js';
import { projectHealth, type HealthThresholds } from './health.rules.js';

describe('budget line usage', () => {
  it.each([
    [{ budgetFen: 100_000, spentFen: 50_000, committedFen: 0 }, { usagePct: 50, level: 'ok', varianceFen: 50_000, remainingFen: 50_000 }],
    [{ budgetFen: 100_000, spentFen: 80_000, committedFen: 9_999 }, { usagePct: 90, level: 'ok' }],
    [{ budgetFen: 100_000, spentFen: 80_000, committedFen: 10_000 }, { usagePct: 90, level: 'warning' }],
    [{ budgetFen: 100_000, spentFen: 100_000, committedFen: 0 }, { usagePct: 100, level: 'warning', remainingFen: 0 }],
    [{ budgetFen: 100_000, spentFen: 95_000, committedFen: 10_000 }, { usagePct: 105, level: 'over', varianceFen: 5_000, remainingFen: -5_000 }],
    [{ budgetFen: 0, spentFen: 0, committedFen: 0 }, { usagePct: null, level: 'ok' }],
    [{ budgetFen: 0, spentFen: 1, committedFen: 0 }, { usagePct: null, level: 'over' }],
  ])('%j at a 90%% warning → %j', (line, expected) => {
    expect(lineUsage(line, 90)).toMatchObject(expected);
  });

  it.each([
    [{ budgetFen: 100_000, spentFen: 60_000 }, 40_000, false],
    [{ budgetFen: 100_000, spentFen: 60_000 }, 40_001, true],
    [{ budgetFen: 0, spentFen: 0 }, 1, true],
  ])('a claim on %j of %s exceeds: %s', (line, amount, expected) => {
    expect(exceedsBudget(line, amount)).toBe(expected);
  });

  it('summarises cost variance across lines', () => {
    const s = costSummary(
      [
        { budgetFen: 1_000_000, spentFen: 1_200_000, committedFen: 0 },
        { budgetFen: 500_000, spentFen: 100_000, committedFen: 360_000 },
        { budgetFen: 300_000, spentFen: 0, committedFen: 0 },
      ],
      90,
    );
    expect(s).toEqual({ budgetFen: 1_800_000, spentFen: 1_300_000, committedFen: 360_000, varianceFen: 500_000, spentPct: 72.2, overrunPct: 20, maxUsagePct: 120, warnings: 2 });
  });
});

const T: HealthThresholds = { amberDaysLate: 3, redDaysLate: 10, amberProgressGapPct: 10, redProgressGapPct: 25, amberCostOverrunPct: 0, redCostOverrunPct: 10, redOpenMajorIssues: 2 };
const ok = { maxDaysLate: 0, progressGap: 0, costOverrunPct: 0, openMajorIssues: 0 };

describe('project health from policy thresholds', () => {
  it.each([
    ['on plan', ok, 'green', []],
    ['2 days late', { ...ok, maxDaysLate: 2 }, 'green', []],
    ['3 days late', { ...ok, maxDaysLate: 3 }, 'amber', ['schedule']],
    ['10 days late', { ...ok, maxDaysLate: 10 }, 'red', ['schedule']],
    ['ahead of plan', { ...ok, progressGap: -30 }, 'green', []],
    ['12 points behind', { ...ok, progressGap: 12 }, 'amber', ['progress']],
    ['25 points behind', { ...ok, progressGap: 25 }, 'red', ['progress']],
    ['any overrun', { ...ok, costOverrunPct: 0.5 }, 'amber', ['cost']],
    ['10% overrun', { ...ok, costOverrunPct: 10 }, 'red', ['cost']],
    ['an open major issue', { ...ok, openMajorIssues: 1 }, 'amber', ['issues']],
    ['two open major issues', { ...ok, openMajorIssues: 2 }, 'red', ['issues']],
    ['amber schedule, red cost', { ...ok, maxDaysLate: 4, costOverrunPct: 15 }, 'red', ['schedule', 'cost']],
  ])('%s → %s', (_, input, level, factors) => {
    const h = projectHealth(input, T);
    expect(h.level).toBe(level);
    expect(h.factors.map((f) => f.factor)).toEqual(factors);
  });
});
