import { roundHalfUp } from '../shared/money.js';

/**
 * Attainment → 0–100 (a setting): linear, reaching `maxScore` at `fullScorePercent` attainment and
 * capped there; 0 below `floorPercent`. Default 50 / 100 / 100: 80 % → 80, 120 % → 100, 49 % → 0.
 */
export type AttainmentRule = { floorPercent: number; fullScorePercent: number; maxScore: number };

export function attainmentPercent(actual: number, target: number): number | null {
  if (!(target > 0)) return null;
  return roundHalfUp((actual / target) * 100, 2);
}

/** Null when there is no target to measure against ("no data", never a made-up number). */
export function attainmentScore(actual: number | null, target: number | null, rule: AttainmentRule): number | null {
  if (actual === null || target === null) return null;
  const pct = attainmentPercent(actual, target);
  if (pct === null) return null;
  if (pct < rule.floorPercent) return 0;
  return roundHalfUp(Math.min(rule.maxScore, (pct / rule.fullScorePercent) * rule.maxScore), 2);
}

/** Discipline from attendance (a setting): 100 less a deduction per late arrival, absent day and leave day; not below 0. */
export type DisciplineRule = { latePenalty: number; absentDayPenalty: number; leaveDayPenalty: number };
export type AttendanceTotals = { lateCount: number; absentDays: number; leaveDays: number };

export function disciplineScore(totals: AttendanceTotals | null, rule: DisciplineRule): number | null {
  if (!totals) return null;
  const deduction = totals.lateCount * rule.latePenalty + totals.absentDays * rule.absentDayPenalty + totals.leaveDays * rule.leaveDayPenalty;
  return roundHalfUp(Math.max(0, 100 - deduction), 2);
}

/** Satisfaction ratings 1–5 (follow-ups, customer evaluations) → 0–100: the mean × 20. */
export function satisfactionScore(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  return roundHalfUp((ratings.reduce((s, r) => s + r, 0) / ratings.length) * 20, 2);
}

/** A share as a score: hits ÷ total × 100 (milestones on time, acceptances passed first time). Null when total is 0. */
export function shareScore(hits: number, total: number): number | null {
  if (total <= 0) return null;
  return roundHalfUp((hits / total) * 100, 2);
}

/**
 * Cost control: 100 within budget; each percent over budget costs `penaltyPerPercent` points
 * (default 2: 10 % over → 80), not below 0. Null without a budget.
 */
export function costScore(actualFen: number, budgetFen: number, penaltyPerPercent: number): number | null {
  if (!(budgetFen > 0)) return null;
  const overPercent = Math.max(0, ((actualFen - budgetFen) / budgetFen) * 100);
  return roundHalfUp(Math.max(0, 100 - overPercent * penaltyPerPercent), 2);
}
