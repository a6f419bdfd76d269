import { roundHalfUp } from '../shared/money.js';
import { daysBetween, maxDate } from './dates.rules.js';

/** A task as the plan holds it; progress 0–100 comes from the owner's progress reports. */
export type PlanTask = { plannedStart: string; plannedEnd: string; actualStart: string | null; actualEnd: string | null; weight: number; progress: number };
export type PlanMilestone = { plannedStart: string; plannedEnd: string; actualEnd: string | null; weight: number; tasks: readonly PlanTask[] };

export type TaskStatus = 'not_started' | 'in_progress' | 'done';
export type MilestoneStatus = 'not_started' | 'in_progress' | 'done' | 'overdue';

export function taskStatus(t: Pick<PlanTask, 'progress' | 'actualStart' | 'actualEnd'>): TaskStatus {
  if (t.progress >= 100 || t.actualEnd) return 'done';
  if (t.progress > 0 || t.actualStart) return 'in_progress';
  return 'not_started';
}

/** Σ weight × percent / Σ weight, one decimal; nothing weighted → 0. */
export function weightedPercent(items: readonly { weight: number; percent: number }[]): number {
  const total = items.reduce((s, i) => s + Math.max(0, i.weight), 0);
  if (total === 0) return 0;
  return roundHalfUp(items.reduce((s, i) => s + Math.max(0, i.weight) * i.percent, 0) / total, 1);
}

/** Share of the planned span elapsed on `today` (inclusive days), 0–100. */
export function plannedPercentOn(span: { plannedStart: string; plannedEnd: string }, today: string): number {
  if (today < span.plannedStart) return 0;
  if (today >= span.plannedEnd) return 100;
  const total = daysBetween(span.plannedStart, span.plannedEnd) + 1;
  const elapsed = daysBetween(span.plannedStart, today) + 1;
  return roundHalfUp((100 * elapsed) / total, 1);
}

/** A milestone's progress: its tasks weighted, or (without tasks) done or not. */
export function milestoneProgress(m: PlanMilestone): number {
  if (m.actualEnd) return 100;
  if (m.tasks.length === 0) return 0;
  return weightedPercent(m.tasks.map((t) => ({ weight: t.weight, percent: t.progress })));
}

/** When the milestone finished: recorded, or the last task's end once every task is done. */
export function milestoneFinishedOn(m: PlanMilestone): string | null {
  if (m.actualEnd) return m.actualEnd;
  if (m.tasks.length === 0 || m.tasks.some((t) => taskStatus(t) !== 'done')) return null;
  return maxDate(m.tasks.map((t) => t.actualEnd));
}

export type MilestoneSchedule = {
  progress: number;
  plannedPercent: number;
  status: MilestoneStatus;
  finishedOn: string | null;
  /** Finish minus planned end (negative = early); for an unfinished milestone past its end, days overdue so far; else null. */
  varianceDays: number | null;
  /** Days behind plan, never negative. */
  daysLate: number;
};

export function milestoneSchedule(m: PlanMilestone, today: string): MilestoneSchedule {
  const progress = milestoneProgress(m);
  const plannedPercent = m.tasks.length
    ? weightedPercent(m.tasks.map((t) => ({ weight: t.weight, percent: plannedPercentOn(t, today) })))
    : plannedPercentOn(m, today);
  const finishedOn = milestoneFinishedOn(m);
  if (finishedOn) {
    const variance = daysBetween(m.plannedEnd, finishedOn);
    return { progress: 100, plannedPercent, status: 'done', finishedOn, varianceDays: variance, daysLate: Math.max(0, variance) };
  }
  const overdue = today > m.plannedEnd ? daysBetween(m.plannedEnd, today) : 0;
  const started = progress > 0 || m.tasks.some((t) => t.actualStart);
  const status: MilestoneStatus = overdue > 0 ? 'overdue' : started ? 'in_progress' : 'not_started';
  return { progress, plannedPercent, status, finishedOn: null, varianceDays: overdue > 0 ? overdue : null, daysLate: overdue };
}

export type ProjectSchedule = {
  percentComplete: number;
  plannedPercent: number;
  /** Planned minus actual percent (points); positive = behind. */
  progressGap: number;
  maxDaysLate: number;
  overdueMilestones: number;
  milestones: MilestoneSchedule[];
};

/** Plan vs actual for the whole project: weighted % complete, % planned by today, the worst delay. */
export function projectSchedule(milestones: readonly PlanMilestone[], today: string): ProjectSchedule {
  const each = milestones.map((m) => milestoneSchedule(m, today));
  const percentComplete = weightedPercent(milestones.map((m, i) => ({ weight: m.weight, percent: each[i]!.progress })));
  const plannedPercent = weightedPercent(milestones.map((m, i) => ({ weight: m.weight, percent: each[i]!.plannedPercent })));
  return {
    percentComplete,
    plannedPercent,
    progressGap: roundHalfUp(plannedPercent - percentComplete, 1),
    maxDaysLate: each.reduce((s, m) => Math.max(s, m.daysLate), 0),
    overdueMilestones: each.filter((m) => m.status === 'overdue').length,
    milestones: each,
  };
}

/** Task ids that would form a dependency loop if `taskId` depended on `dependsOn`. */
export function dependencyCycle(taskId: number, dependsOn: readonly number[], graph: ReadonlyMap<number, readonly number[]>): boolean {
  const seen = new Set<number>();
  const stack = [...dependsOn];
  while (stack.length) {
    const next = stack.pop()!;
    if (next === taskId) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(graph.get(next) ?? []));
  }
  return false;
}
