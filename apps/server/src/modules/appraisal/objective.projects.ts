import type { Evidence, ObjectiveValue } from '@domain/appraisal/appraisal.schema.js';
import { costScore, shareScore } from '@domain/appraisal/objective.rules.js';
import { meanScore } from '@domain/appraisal/scoring.rules.js';
import { periodRange } from '@domain/appraisal/period.rules.js';
import type { Executor } from '../../platform/db/executor.js';
import { deliveryModule, type ProjectOutcomes } from '../delivery/index.js';
import type { PeriodScope } from './objective.data.js';

/** The period's project facts, from delivery, once for everyone; `today` bounds what counts as due. */
export function loadProjectData(db: Executor, scope: PeriodScope, today: string): Promise<ProjectOutcomes> {
  const { start, end } = periodRange(scope.type, scope.period);
  return deliveryModule.queries.projectOutcomes(db, start, end, today);
}

function onTime(row: { planned_end: string; actual_end: string | null }): boolean {
  return row.actual_end !== null && row.actual_end <= row.planned_end;
}

function none(source: ObjectiveValue['source'], at: string, reason: string, evidence: Evidence[] = []): ObjectiveValue {
  return { source, score: null, actual: null, target: null, attainmentPercent: null, unit: 'score', noDataReason: reason, evidence, computedAt: at };
}

/**
 * Project completion [4.3]: schedule (milestones, or for team members their tasks, finished by
 * the planned end among those due in the period), cost (each managed project's spending against
 * its budget) and quality (internal and customer acceptances passed at the first round).
 */
export function projectItem(source: 'projectSchedule' | 'projectCost' | 'projectQuality', userId: number, data: ProjectOutcomes, costPenalty: number, at: string): ObjectiveValue {
  if (source === 'projectSchedule') {
    const milestones = data.milestones.filter((m) => m.pm_id === userId);
    const rows = milestones.length
      ? milestones.map((m) => ({ kind: 'milestone' as const, ...m }))
      : data.tasks.filter((t) => t.owner_id === userId).map((t) => ({ kind: 'task' as const, ...t }));
    if (rows.length === 0) return none(source, at, 'appraisal.noData.nothingDue');
    const hits = rows.filter(onTime).length;
    const evidence = rows.map((r): Evidence => ({ kind: r.kind, id: r.id, label: `${r.code} ${r.name}`, date: r.planned_end, value: onTime(r) ? 1 : 0, detail: null }));
    return { ...none(source, at, ''), noDataReason: null, score: shareScore(hits, rows.length), actual: hits, target: rows.length, unit: 'count', evidence };
  }
  if (source === 'projectCost') {
    const projects = data.costs.filter((c) => c.pm_id === userId && c.budget_fen > 0);
    if (projects.length === 0) return none(source, at, 'appraisal.noData.noSpending');
    const scores = projects.map((p) => costScore(p.spent_fen, p.budget_fen, costPenalty)!);
    const evidence = projects.map((p): Evidence => ({ kind: 'project', id: p.id, label: `${p.code} ${p.name}`, date: null, value: p.spent_fen, detail: { budgetFen: p.budget_fen, spentFen: p.spent_fen } }));
    return { ...none(source, at, ''), noDataReason: null, score: meanScore(scores), actual: projects.reduce((s, p) => s + p.spent_fen, 0), target: projects.reduce((s, p) => s + p.budget_fen, 0), unit: 'fen', evidence };
  }
  const mine = data.projectsOf.get(userId) ?? new Set<number>();
  const rounds = data.acceptances.filter((a) => mine.has(a.project_id));
  if (rounds.length === 0) return none(source, at, 'appraisal.noData.noAcceptance');
  const passed = rounds.filter((a) => a.status === 'passed' || a.status === 'accepted').length;
  const evidence = rounds.map((a): Evidence => ({ kind: 'acceptance', id: a.id, label: `${a.code} ${a.kind}`, date: a.decided_at.slice(0, 10), value: a.status === 'passed' || a.status === 'accepted' ? 1 : 0, detail: null }));
  return { ...none(source, at, ''), noDataReason: null, score: shareScore(passed, rounds.length), actual: passed, target: rounds.length, unit: 'count', evidence };
}
