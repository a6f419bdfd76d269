import { addDays } from '@domain/delivery/dates.rules.js';
import type { Executor } from '../../platform/db/executor.js';

/**
 * The facts behind appraisal's project completion items [4.3]: milestones and tasks due in the
 * period, each managed project's spending against its budget, first-round acceptances and who
 * was on those projects.
 */
export type ProjectOutcomes = {
  milestones: { id: number; code: string; name: string; pm_id: number; planned_end: string; actual_end: string | null }[];
  tasks: { id: number; code: string; name: string; owner_id: number; planned_end: string; actual_end: string | null }[];
  costs: { id: number; code: string; name: string; pm_id: number; budget_fen: number; spent_fen: number }[];
  acceptances: { id: number; project_id: number; code: string; kind: string; status: string; decided_at: string }[];
  /** Projects with a counted acceptance that each person manages or is an active member of. */
  projectsOf: Map<number, Set<number>>;
};

/**
 * What appraisal's project items read for a period [start, end] (dates), once for everyone;
 * `today` bounds what counts as due. Delivery owns these tables, so it answers the question.
 */
export async function projectOutcomes(db: Executor, start: string, end: string, today: string): Promise<ProjectOutcomes> {
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

