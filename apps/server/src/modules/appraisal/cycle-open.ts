import type { CycleCreate } from '@domain/appraisal/cycle.schema.js';
import type { TemplateContent } from '@domain/appraisal/template.schema.js';
import { addDays, periodRange } from '@domain/appraisal/period.rules.js';
import { localDate } from '@domain/settings/settings.rules.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { duplicate, invalid } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { notify } from '../../platform/notify/notify.js';
import { appraisalSettings, type AppraisalSettings } from './settings.load.js';
import { ensureDefaultTemplate, templateInForce } from './templates.repo.js';
import { loadObjectiveData } from './objective.data.js';
import { loadProjectData } from './objective.projects.js';
import { computeObjectives } from './objective.compute.js';

const CHUNK = 1000;

/** Active departments under (and including) the given ones; by default the business department tree [1.2]. */
async function departmentsInScope(db: Executor, requested: number[] | undefined): Promise<{ roots: number[]; all: number[] }> {
  const departments = await db.selectFrom('departments').select(['id', 'parent_id', 'kind', 'active']).execute();
  const byId = new Map(departments.map((d) => [d.id, d]));
  let roots = requested;
  if (!roots) {
    roots = departments.filter((d) => d.active === 1 && d.kind === 'business' && (d.parent_id === null || byId.get(d.parent_id)?.kind !== 'business')).map((d) => d.id);
  } else {
    const fields: Record<string, string> = {};
    roots.forEach((id, i) => {
      if (byId.get(id)?.active !== 1) fields[`departmentIds.${i}`] = 'field.notExists';
    });
    if (Object.keys(fields).length) throw invalid(fields);
  }
  const children = new Map<number, number[]>();
  for (const d of departments) if (d.parent_id !== null && d.active === 1) children.set(d.parent_id, [...(children.get(d.parent_id) ?? []), d.id]);
  const all = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (all.has(id)) continue;
    all.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return { roots, all: [...all] };
}

type Due = { self: string; supervisor: string; reviews: string | null; feedback: string };

/** Each step due a number of days from the settings after the one before, unless HR set the date. */
function dueDates(type: 'monthly' | 'annual', today: string, days: AppraisalSettings['appraisal.stepDays'], given: CycleCreate['dueDates']): Due {
  const self = given?.self ?? addDays(today, days.self);
  const supervisor = given?.supervisor ?? addDays(self, days.supervisor);
  const reviews = type === 'annual' ? (given?.reviews ?? addDays(supervisor, days.reviews)) : null;
  const feedback = given?.feedback ?? addDays(reviews ?? supervisor, days.feedback);
  const order: [keyof Due, string | null][] = [
    ['self', self],
    ['supervisor', supervisor],
    ['reviews', reviews],
    ['feedback', feedback],
  ];
  let previous = today;
  for (const [key, date] of order) {
    if (date === null) continue;
    if (date < previous) throw invalid({ [`dueDates.${key}`]: 'field.dueOrder' });
    previous = date;
  }
  return { self, supervisor, reviews, feedback };
}

/**
 * Opens a cycle [4.2]: one appraisal per active employee in scope, each keeping the template
 * version in force today and the objective items computed from the period's data. Everything
 * is read and written set-wise (a handful of queries and batched inserts for any headcount).
 * `meta` is null when the scheduler opens the monthly cycle.
 */
export function openCycle(deps: Deps, db: Executor, meta: RequestMeta | null, input: CycleCreate): Promise<number> {
  return inTransaction(db, async (trx) => {
    const at = nowIso(deps);
    const today = localDate(deps.now());
    const exists = await trx.selectFrom('appraisal_cycles').select('id').where('type', '=', input.type).where('period', '=', input.period).executeTakeFirst();
    if (exists) throw duplicate({ period: 'field.cycleExists' });
    const settings = await appraisalSettings(trx, today);
    const due = dueDates(input.type, today, settings['appraisal.stepDays'], input.dueDates);
    const scope = await departmentsInScope(trx, input.departmentIds);
    const employees = scope.all.length
      ? await trx
          .selectFrom('users')
          .select(['id', 'name', 'supervisor_id', 'department_id', 'position_title', 'customer_facing'])
          .where('active', '=', 1)
          .where('role', '!=', 'admin')
          .where('department_id', 'in', scope.all)
          .orderBy('id')
          .execute()
      : [];
    if (employees.length === 0) throw invalid({ departmentIds: 'field.noEmployees' });

    await ensureDefaultTemplate(trx, input.type, at);
    const template = (await templateInForce(trx, input.type, today))!;
    const content = JSON.parse(template.content_json) as TemplateContent;
    const range = periodRange(input.type, input.period);
    const period = { type: input.type, period: input.period };
    const ids = employees.map((e) => e.id);
    const [data, projects] = await Promise.all([loadObjectiveData(trx, period, ids), loadProjectData(trx, period, today)]);
    const objectives = computeObjectives({
      scope: period,
      items: content.dimensions.flatMap((d) => d.items),
      employeeIds: ids,
      data,
      projects,
      settings: { attainment: settings['appraisal.attainmentRule'], discipline: settings['appraisal.disciplineRule'], costOverrunPenalty: settings['appraisal.costOverrunPenalty'] },
      names: new Map(employees.map((e) => [e.id, e.name])),
      at,
    });

    const { id: cycleId } = await trx
      .insertInto('appraisal_cycles')
      .values({
        type: input.type,
        period: input.period,
        name: input.name ?? '',
        status: 'open',
        template_id: template.id,
        period_start: range.start,
        period_end: range.end,
        opened_on: today,
        self_due: due.self,
        supervisor_due: due.supervisor,
        reviews_due: due.reviews,
        feedback_due: due.feedback,
        department_ids_json: JSON.stringify(scope.roots),
        closed_at: null,
        closed_by: null,
        version: 1,
        created_at: at,
        created_by: meta?.actor.id ?? null,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const rows = employees.map((e) => ({
      cycle_id: cycleId,
      employee_id: e.id,
      supervisor_id: e.supervisor_id,
      template_id: template.id,
      status: 'self_assessment',
      department_id: e.department_id,
      position_title: e.position_title,
      customer_facing: e.customer_facing,
      objective_json: JSON.stringify(objectives.get(e.id) ?? {}),
      step_due: due.self,
      disputed: 0,
      version: 1,
      created_at: at,
      created_by: meta?.actor.id ?? null,
      updated_at: at,
    }));
    for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('appraisals').values(rows.slice(i, i + CHUNK)).execute();

    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'appraisal_cycle', entityId: cycleId, after: { type: input.type, period: input.period, templateId: template.id, appraisals: rows.length, dueDates: due, departmentIds: scope.roots } }, at);
    await notify(trx, deps, {
      userIds: ids,
      kind: 'appraisal.opened',
      params: { period: input.period, type: `i18n:appraisal.type.${input.type}`, due: due.self },
      entity: 'appraisal_cycle',
      entityId: cycleId,
      link: '/appraisal/mine',
    });
    return cycleId;
  });
}
