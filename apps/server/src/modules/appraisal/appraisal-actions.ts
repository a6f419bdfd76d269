import type { ObjectiveValue } from '@domain/appraisal/appraisal.schema.js';
import type { TemplateContent } from '@domain/appraisal/template.schema.js';
import { appraisalMachineOf, sideActionOpen, type AppraisalAction, type SideAction } from '@domain/appraisal/appraisal.machine.js';
import { commentsMissing, scoreTemplate, type CommentRule } from '@domain/appraisal/scoring.rules.js';
import { translate } from '@domain/i18n/messages.js';
import { localDate } from '@domain/settings/settings.rules.js';
import type { Deps, RequestMeta } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { fieldErrors, forbidden, invalidTransition } from '../../platform/http/errors.js';
import { transitionOrThrow } from '../../platform/http/transition.js';
import type { AppraisalFullRow } from './appraisals.repo.js';
import { loadAppraisal } from './appraisals.read.js';
import { mayAct } from '@domain/appraisal/appraisal.access.js';
import { appraisalSettings, type AppraisalSettings } from './settings.load.js';
import { loadObjectiveData } from './objective.data.js';
import { loadProjectData } from './objective.projects.js';
import { computeObjectives, type ObjectiveMap } from './objective.compute.js';

export type Loaded = { row: AppraisalFullRow; template: TemplateContent; settings: AppraisalSettings; type: 'monthly' | 'annual' };

/**
 * Loads an appraisal for an action and applies the rules in order: out of scope → 404; cycle
 * closed or wrong state → 409; role not allowed → 403; not the right person for this record → 403.
 */
export async function loadForAction(trx: Executor, meta: RequestMeta, id: number, action: AppraisalAction | SideAction): Promise<Loaded & { to: string }> {
  const row = await loadAppraisal(trx, meta, id);
  const type = row.cycle_type as 'monthly' | 'annual';
  if (row.cycle_status !== 'open') throw invalidTransition({ from: row.status, action });
  let to = row.status;
  if (action === 'select-peers' || action === 'customer-link') {
    if (!sideActionOpen(action, type, row.status)) throw invalidTransition({ from: row.status, action });
  } else {
    to = transitionOrThrow(appraisalMachineOf(type), row.status, action, meta.actor);
  }
  if (!mayAct(action, row, meta.actor)) throw forbidden();
  const [template, settings] = await Promise.all([
    trx.selectFrom('appraisal_templates').select('content_json').where('id', '=', row.template_id).executeTakeFirstOrThrow(),
    appraisalSettings(trx, row.opened_on),
  ]);
  return { row, template: JSON.parse(template.content_json) as TemplateContent, settings, type, to };
}

/** Moves the appraisal only if it is still in the state we read: of two concurrent transitions one wins, the other gets 409. */
export async function guardedUpdate(trx: Executor, row: Pick<AppraisalFullRow, 'id' | 'status' | 'version'>, values: Record<string, unknown>, at: string): Promise<void> {
  const res = await trx
    .updateTable('appraisals')
    .set({ ...values, version: row.version + 1, updated_at: at })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw invalidTransition();
}

/** The objective items recomputed from today's data for one employee (what was known when the cycle opened may have changed). */
export async function recomputeObjectives(deps: Deps, trx: Executor, l: Loaded, at: string): Promise<ObjectiveMap> {
  const scope = { type: l.type, period: l.row.period };
  const ids = [l.row.employee_id];
  const [data, projects] = await Promise.all([loadObjectiveData(trx, scope, ids), loadProjectData(trx, scope, localDate(deps.now()))]);
  return computeObjectives({
    scope,
    items: l.template.dimensions.flatMap((d) => d.items),
    employeeIds: ids,
    data,
    projects,
    settings: { attainment: l.settings['appraisal.attainmentRule'], discipline: l.settings['appraisal.disciplineRule'], costOverrunPenalty: l.settings['appraisal.costOverrunPenalty'] },
    names: new Map([[l.row.employee_id, l.row.employee_name]]),
    at,
  }).get(l.row.employee_id)!;
}

type ItemInput = { score: number; comment?: string; overrideReason?: string };

/**
 * Checks a filled form against the template: every item scored, no unknown item, a comment
 * where the settings ask for one (an objective item left at its computed score needs none: its
 * evidence explains it), and, for the evaluator, a reason wherever a computed score was changed.
 * All problems are reported at once; nothing is saved.
 */
export function checkItems(meta: RequestMeta, template: TemplateContent, items: Record<string, ItemInput>, rule: CommentRule, objective: Record<string, ObjectiveValue>, overridesNeedReason: boolean) {
  const keys = new Set(template.dimensions.flatMap((d) => d.items.map((i) => i.key)));
  const problems: Record<string, [string, Record<string, unknown>?]> = {};
  for (const key of Object.keys(items)) if (!keys.has(key)) problems[`items.${key}`] = ['field.itemUnknown'];
  for (const key of keys) if (!items[key]) problems[`items.${key}.score`] = ['field.scoreRequired'];
  const isComputed = (key: string, score: number) => {
    const computed = objective[key]?.score ?? null;
    return computed !== null && Math.abs(score - computed) <= 0.001;
  };
  const judged = Object.fromEntries(Object.entries(items).filter(([k, v]) => !isComputed(k, v.score)));
  for (const key of commentsMissing(judged, rule)) if (keys.has(key)) problems[`items.${key}.comment`] = ['field.commentForScore', { below: rule.below, above: rule.above }];
  if (overridesNeedReason) {
    for (const [key, item] of Object.entries(items)) {
      if ((objective[key]?.score ?? null) !== null && !isComputed(key, item.score) && !(item.overrideReason ?? '').trim()) problems[`items.${key}.overrideReason`] = ['field.overrideReason'];
    }
  }
  if (Object.keys(problems).length) throw fieldErrors(400, 'VALIDATION_FAILED', (k, p) => translate(meta.locale, k, p), problems);
  const scored = scoreTemplate(template.dimensions, Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.score])));
  if (!scored.ok) throw fieldErrors(400, 'VALIDATION_FAILED', (k) => translate(meta.locale, k), Object.fromEntries(scored.missing.map((k) => [`items.${k}.score`, ['field.scoreRequired']])));
  return scored;
}

/** Who hears about an appraisal needing its evaluator: the supervisor, or HR when none is recorded. */
export async function evaluatorIds(trx: Executor, row: Pick<AppraisalFullRow, 'supervisor_id'>): Promise<number[]> {
  if (row.supervisor_id !== null) return [row.supervisor_id];
  return (await trx.selectFrom('users').select('id').where('role', '=', 'hr').where('active', '=', 1).execute()).map((u) => u.id);
}

export function typeParam(type: string): string {
  return `i18n:appraisal.type.${type}`;
}
