import { z } from 'zod';

export const HEALTH_LEVELS = ['green', 'amber', 'red'] as const;
export type HealthLevel = (typeof HEALTH_LEVELS)[number];
export type HealthFactor = 'schedule' | 'progress' | 'cost' | 'issues';

/** Setting thresholds for the project health flag [3.2.3]; each factor turns amber at its first value and red at its second. */
export const healthThresholdsSchema = z
  .strictObject({
    amberDaysLate: z.number().int().min(1).max(365),
    redDaysLate: z.number().int().min(1).max(365),
    amberProgressGapPct: z.number().min(1).max(100),
    redProgressGapPct: z.number().min(1).max(100),
    amberCostOverrunPct: z.number().min(0).max(1000),
    redCostOverrunPct: z.number().min(0).max(1000),
    redOpenMajorIssues: z.number().int().min(1).max(100),
  })
  .refine((t) => t.amberDaysLate <= t.redDaysLate, { message: 'field.rangeOrder', path: ['redDaysLate'] })
  .refine((t) => t.amberProgressGapPct <= t.redProgressGapPct, { message: 'field.rangeOrder', path: ['redProgressGapPct'] })
  .refine((t) => t.amberCostOverrunPct <= t.redCostOverrunPct, { message: 'field.rangeOrder', path: ['redCostOverrunPct'] });
export type HealthThresholds = z.infer<typeof healthThresholdsSchema>;

export type HealthInput = { maxDaysLate: number; progressGap: number; costOverrunPct: number; openMajorIssues: number };
export type Health = { level: HealthLevel; factors: { factor: HealthFactor; level: Exclude<HealthLevel, 'green'> }[] };

function grade(value: number, amber: number, red: number, strictAmber = false): HealthLevel {
  if (value >= red && value > 0) return 'red';
  if (strictAmber ? value > amber : value >= amber && value > 0) return 'amber';
  return 'green';
}

/**
 * Green, amber or red: the worst of schedule (days late on a milestone), progress (planned
 * minus actual %), cost (spend beyond a line's budget) and open major issues (any is amber).
 */
export function projectHealth(input: HealthInput, t: HealthThresholds): Health {
  const factors: Health['factors'] = [];
  const add = (factor: HealthFactor, level: HealthLevel) => {
    if (level !== 'green') factors.push({ factor, level });
  };
  add('schedule', grade(input.maxDaysLate, t.amberDaysLate, t.redDaysLate));
  add('progress', grade(input.progressGap, t.amberProgressGapPct, t.redProgressGapPct));
  add('cost', grade(input.costOverrunPct, t.amberCostOverrunPct, t.redCostOverrunPct, true));
  add('issues', input.openMajorIssues >= t.redOpenMajorIssues ? 'red' : input.openMajorIssues > 0 ? 'amber' : 'green');
  const level: HealthLevel = factors.some((f) => f.level === 'red') ? 'red' : factors.length ? 'amber' : 'green';
  return { level, factors };
}
