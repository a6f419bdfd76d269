import { roundHalfUp } from '../shared/money.js';

/** [4.5.1] bonus = base × the grade's coefficient (setting), in whole fen, half up. */
export function bonusAmountFen(baseFen: number, coefficient: number): number {
  return roundHalfUp(baseFen * coefficient, 0);
}

/**
 * [4.5.2] flagged for position adjustment when the last `count` monthly results (oldest first,
 * the current one last, without gaps) are all below standard.
 */
export function consecutiveBelowStandard(grades: readonly (string | null)[], belowGrades: readonly string[], count: number): boolean {
  if (count < 1 || grades.length < count) return false;
  return grades.slice(-count).every((g) => g !== null && belowGrades.includes(g));
}

/** YYYY-MM of the `n` months before `period` (oldest first), for looking up previous monthly results. */
export function previousMonths(period: string, n: number): string[] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = n; i >= 1; i--) {
    const index = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}
