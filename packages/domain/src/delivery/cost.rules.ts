import { roundHalfUp } from '../shared/money.js';

/** One budget line with what is spent on it (approved + paid claims) and committed (claims in approval). */
export type LineSpend = { budgetFen: number; spentFen: number; committedFen: number };

export type UsageLevel = 'ok' | 'warning' | 'over';

export type LineUsage = {
  /** Spent and committed together. */
  usedFen: number;
  /** Used as a share of the budget, one decimal; null for a zero budget. */
  usagePct: number | null;
  /** Budget minus spent: the cost variance (negative = overrun). */
  varianceFen: number;
  /** Budget minus spent and committed. */
  remainingFen: number;
  level: UsageLevel;
};

/** [3.2.5] cost control: a line warns at the setting share of its budget and is `over` past 100%. */
export function lineUsage(line: LineSpend, warningPct: number): LineUsage {
  const usedFen = line.spentFen + line.committedFen;
  const usagePct = line.budgetFen > 0 ? roundHalfUp((100 * usedFen) / line.budgetFen, 1) : null;
  const level: UsageLevel =
    usedFen > line.budgetFen ? 'over' : line.budgetFen > 0 && (100 * usedFen) / line.budgetFen >= warningPct ? 'warning' : 'ok';
  return { usedFen, usagePct, varianceFen: line.budgetFen - line.spentFen, remainingFen: line.budgetFen - usedFen, level };
}

/** Would a claim of `amountFen` take the line past its budget, counting what is already spent? */
export function exceedsBudget(line: Pick<LineSpend, 'budgetFen' | 'spentFen'>, amountFen: number): boolean {
  return line.spentFen + amountFen > line.budgetFen;
}

export type CostSummary = {
  budgetFen: number;
  spentFen: number;
  committedFen: number;
  varianceFen: number;
  /** Spent as a share of the whole budget, one decimal (0 for a zero budget). */
  spentPct: number;
  /** The worst line's spend beyond its budget, in % of that budget (0 when none is over). */
  overrunPct: number;
  /** The worst line's usage (spent + committed), one decimal. */
  maxUsagePct: number;
  warnings: number;
};

export function costSummary(lines: readonly LineSpend[], warningPct: number): CostSummary {
  const budgetFen = lines.reduce((s, l) => s + l.budgetFen, 0);
  const spentFen = lines.reduce((s, l) => s + l.spentFen, 0);
  const committedFen = lines.reduce((s, l) => s + l.committedFen, 0);
  let overrunPct = 0;
  let maxUsagePct = 0;
  let warnings = 0;
  for (const l of lines) {
    const u = lineUsage(l, warningPct);
    if (u.level !== 'ok') warnings++;
    if (u.usagePct !== null) maxUsagePct = Math.max(maxUsagePct, u.usagePct);
    else if (u.usedFen > 0) maxUsagePct = Math.max(maxUsagePct, 100);
    if (l.spentFen > l.budgetFen) overrunPct = Math.max(overrunPct, l.budgetFen > 0 ? roundHalfUp((100 * (l.spentFen - l.budgetFen)) / l.budgetFen, 1) : 100);
  }
  return {
    budgetFen,
    spentFen,
    committedFen,
    varianceFen: budgetFen - spentFen,
    spentPct: budgetFen > 0 ? roundHalfUp((100 * spentFen) / budgetFen, 1) : 0,
    overrunPct,
    maxUsagePct,
    warnings,
  };
}
