import type { Evidence, ObjectiveValue } from '@domain/appraisal/appraisal.schema.js';
import { costScore, shareScore } from '@domain/appraisal/objective.rules.js';
import { meanScore } from '@domain/appraisal/scoring.rules.js';
import { addDays, periodRange } from '@domain/appraisal/period.rules.js';
import type { Executor } from '../../platform/db/executor.js';
import type { PeriodScope } from './objective.data.js';

/**
 * Project completion [4.3]: schedule (milestones, or for team members their tasks, finished by
 * the planned end among those due in the period), cost (each managed project's spending against
 * its budget) and quality (internal and customer acceptances passed at the first round).
 */
export type ProjectData = {
  milestones: { id: number; code: string; name: string; pm_id: number; planned_end: string; actual_end: string | null }[];
  tasks: { id: number; code: string; name: string; owner_id: number; planned_end: string; actual_end: string | null }[];
  costs: { id: number; code: string; name: string; pm_id: number; budget_fen: number; spent_fen: number }[];
  acceptances: { id: number; project_id: number; code: string; kind: string; status: string; decided_at: string }[];
  /** Projects with a counted acceptance that each person manages or is an active member of. */
  projectsOf: Map<number, Set<number>>;
};

/** Loads the period's project data once for everyone; `today` bounds what counts as due. */
export async function loadProjectData(db: Executor, scope: PeriodScope, today: string): Promise<ProjectData> {
  const { start, end } = periodRange(scope.type, scope.period);
  const dueUntil = end < today ? end : today;
  const [milestones, tasks, costs, acceptances] = await Promise.all([
    db
      .selectFrom('project_milestones as m')
      .innerJoin('projects as p', 'p.id', 'm.project_id')
      .select(['m.id', 'p.code', 'm.name', 'p.pm_id', 'm.planned_end', 'm.actual_end'])
      .where('m.planned_end', '>=', start)
      .where('m.planned_end', '<=', dueUntil)
      .orderBy('m.planned_end')
      .execute(),
    db
      .selectFrom('project_tasks as t')
      .innerJoin('projects as p', 'p.id', 't.project_id')
      .select(['t.id', 'p.code', 't.name', 't.owner_id', 't.planned_end', 't.actual_end'])
      .where('t.planned_end', '>=', start)
      .where('t.planned_end', '<=', dueUntil)
      .orderBy('t.planned_end')
      .execute(),
    db
      .selectFrom('projects as p')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('project_expenses')
            .select((e) => ['project_id', e.fn.sum<number>('amount_fen').as('spent')])
            .where('status', 'in', ['approved', 'paid'])
            .where('expense_date', '<=', end)
            .groupBy('project_id')
            .as('x'),
        (join) => join.onRef('x.project_id', '=', 'p.id'),
      )
      .select(['p.id', 'p.code', 'p.name', 'p.pm_id', 'p.budget_fen', 'x.spent'])
      .where('p.start_date', '<=', end)
      .where((eb) => eb.or([eb('p.closed_at', 'is', null), eb('p.closed_at', '>=', start)]))
      .execute(),
    db
      .selectFrom('project_acceptances as a')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .select(['a.id', 'a.project_id', 'p.code', 'a.kind', 'a.status', 'a.decided_at'])
      .where('a.round', '=', 1)
      .where('a.status', 'in', ['passed', 'failed', 'accepted', 'rejected'])
      .where('a.decided_at', '>=', start)
      .where('a.decided_at', '<', addDays(end, 1))
      .execute(),
  ]);
  // Who was on the projects whose acceptances count: their managers and active members.
  const accepted = [...new Set(acceptances.map((a) => a.project_id))];
  const [pms, members] = accepted.length
    ? await Promise.all([
        db.selectFrom('projects').select(['id', 'pm_id']).where('id', 'in', accepted).execute(),
        db.selectFrom('project_members').select(['project_id', 'user_id']).where('active', '=', 1).where('project_id', 'in', accepted).execute(),
      ])
    : [[], []];
  const projectsOf = new Map<number, Set<number>>();
  const add = (userId: number, projectId: number) => projectsOf.set(userId, (projectsOf.get(userId) ?? new Set()).add(projectId));
  for (const p of pms) add(p.pm_id, p.id);
  for (const m of members) add(m.user_id, m.project_id);
  return {
    milestones,
    tasks,
    costs: costs.map((c) => ({ id: c.id, code: c.code, name: c.name, pm_id: c.pm_id, budget_fen: Number(c.budget_fen), spent_fen: Number(c.spent ?? 0) })),
    acceptances: acceptances.map((a) => ({ ...a, decided_at: a.decided_at! })),
    projectsOf,
  };
}

function onTime(row: { planned_end: string; actual_end: string | null }): boolean {
  return row.actual_end !== null && row.actual_end <= row.planned_end;
}

function none(source: ObjectiveValue['source'], at: string, reason: string, evidence: Evidence[] = []): ObjectiveValue {
  return { source, score: null, actual: null, target: null, attainmentPercent: null, unit: 'score', noDataReason: reason, evidence, computedAt: at };
}

export function projectItem(source: 'projectSchedule' | 'projectCost' | 'projectQuality', userId: number, data: ProjectData, costPenalty: number, at: string): ObjectiveValue {
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
