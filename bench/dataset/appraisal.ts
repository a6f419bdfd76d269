import type { Insertable } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { DEFAULT_TEMPLATES } from '../../packages/domain/src/appraisal/template.defaults.js';
import { nthLastWorkingDay } from '../../packages/domain/src/appraisal/period.rules.js';
import { DEFAULT_TEMPLATE_FROM } from '../../apps/server/src/modules/appraisal/templates.repo.js';
import { appraisalSettings } from '../../apps/server/src/modules/appraisal/settings.load.js';
import { loadObjectiveData } from '../../apps/server/src/modules/appraisal/objective.data.js';
import { loadProjectData } from '../../apps/server/src/modules/appraisal/objective.projects.js';
import { computeObjectives } from '../../apps/server/src/modules/appraisal/objective.compute.js';
import type { Size } from '../lib/target.js';
import { buildCycle, emptyRows, type AppraisalRows, type Ids } from './appraisal-cycle.js';
import { kpiAndAttendance } from './appraisal-inputs.js';
import { DAY, addMonths, inService, loadEmployees, monthOf, monthRange, workingDayOf, type Emp } from './appraisal-people.js';
import type { DatasetContext, DatasetPart } from './types.js';

/** Monthly cycles before "now" (docs/design.md §10: 12 at L); sizes differ only by the org part's headcount. */
const MONTHLY_CYCLES = { S: 12, M: 12, L: 12 } as const satisfies Record<Size, number>;

type Plan = { type: 'monthly' | 'annual'; period: string; openedMs: number; byHr: boolean };

async function flush(ctx: DatasetContext, rows: AppraisalRows, counts: Record<string, number>) {
  const put = async <T extends keyof DB & string>(table: T, list: Insertable<DB[T]>[]) => {
    if (list.length === 0) return;
    await ctx.insert(table, list);
    counts[table] = (counts[table] ?? 0) + list.length;
    list.length = 0;
  };
  await put('appraisal_cycles', rows.cycles);
  await put('appraisals', rows.appraisals);
  await put('peer_reviews', rows.peers);
  await put('customer_review_links', rows.links);
  await put('customer_reviews', rows.reviews);
  await put('appraisal_results', rows.results);
  rows.notes.sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
  await put('notifications', rows.notes);
}

/**
 * The appraisal module's share [docs/design.md §3]: the built-in templates as the server stores them,
 * KPI targets and attendance per employee and month, twelve closed monthly cycles before "now"
 * and last year's annual cycle (peer and customer reviews), each appraisal through every step
 * with its forms, scores, grade and result lines. Objective items are computed by the server's
 * own code from what earlier parts (contracts, projects) and this one (targets, attendance) hold.
 */
export const appraisalDataset: DatasetPart = {
  module: 'appraisal',
  async generate(ctx, size) {
    const nowMs = ctx.now.getTime();
    const people = await loadEmployees(ctx.db, ctx.rng);
    const byId = new Map(people.map((p) => [p.id, p]));
    const hrStaff = people.filter((p) => p.role === 'hr');
    const hrHead = hrStaff.find((h) => h.supervisorId === null || byId.get(h.supervisorId)?.role !== 'hr') ?? hrStaff[0];
    if (!hrHead) throw new Error('the appraisal part needs an HR employee');
    const hrAt = (ms: number): Emp[] => {
      const active = hrStaff.filter((h) => inService(h, ms));
      return active.includes(hrHead) ? [hrHead, ...active.filter((h) => h !== hrHead)] : active.length ? active : [hrHead];
    };
    const depts = await ctx.db.selectFrom('departments').select(['id', 'parent_id', 'kind', 'active']).execute();
    const rootIds = depts.filter((d) => d.parent_id === null && d.active === 1).map((d) => d.id);
    const customers = await ctx.db.selectFrom('customers').select(['id', 'name']).orderBy('id').limit(2000).execute();

    // Which cycles: the N months before this one, and the annual cycle of the last full year HR had time to close.
    const thisMonth = monthOf(nowMs);
    const months = Array.from({ length: MONTHLY_CYCLES[size] }, (_, i) => addMonths(thisMonth, i - MONTHLY_CYCLES[size]));
    const year = new Date(nowMs).getUTCFullYear();
    const annualYear = nowMs >= Date.parse(`${year}-02-20T00:00:00Z`) ? year - 1 : year - 2;
    const plans = [
      ...months.map((period): Plan => ({ type: 'monthly', period, openedMs: Date.parse(`${nthLastWorkingDay(period, 2)}T07:30:00Z`), byHr: false })),
      { type: 'annual', period: String(annualYear), openedMs: workingDayOf(`${annualYear + 1}-01`, 5, 1.5), byHr: true } as Plan,
    ].sort((a, b) => a.openedMs - b.openedMs);

    const counts: Record<string, number> = {};
    const at0 = Math.min(...people.map((p) => p.createdMs));
    const templates = (['monthly', 'annual'] as const).map((type, i) => ({
      id: i + 1,
      type,
      version_no: 1,
      name: DEFAULT_TEMPLATES[type].name,
      effective_from: DEFAULT_TEMPLATE_FROM,
      note: '',
      content_json: JSON.stringify({ dimensions: DEFAULT_TEMPLATES[type].dimensions }),
      created_by: null,
      created_at: new Date(Math.max(at0, Math.min(...plans.map((p) => p.openedMs)) - DAY * 3)).toISOString(),
    }));
    await ctx.insert('appraisal_templates', templates);
    counts.appraisal_templates = templates.length;

    // Targets and attendance first: opening a cycle reads them.
    const dataStart = `${Math.min(annualYear, Number(months[0]!.slice(0, 4)))}-01`;
    const inputs = await kpiAndAttendance(ctx, people, depts, monthRange(dataStart, `${year}-12`), monthRange(dataStart, addMonths(thisMonth, -1)), hrAt);
    await ctx.insert('kpi_targets', inputs.kpi);
    await ctx.insert('attendance_records', inputs.attendance);
    counts.kpi_targets = inputs.kpi.length;
    counts.attendance_records = inputs.attendance.length;

    const rows = emptyRows();
    const ids: Ids = { appraisal: 0, peer: 0, link: 0, review: 0, result: 0 };
    const history = new Map<number, Map<string, string>>();
    const sink = { rows, ids, audit: ctx.audit, rng: ctx.rng };
    const inScope = (e: Emp, ms: number) => e.role !== 'admin' && e.departmentId !== null && inService(e, ms);
    let cycleId = 0;
    for (const plan of plans) {
      // Customer reviews of an earlier cycle count towards satisfaction: have them in the database.
      if (rows.reviews.length) await flush(ctx, rows, counts);
      const employees = people.filter((e) => inScope(e, plan.openedMs));
      const openedOn = new Date(plan.openedMs).toISOString().slice(0, 10);
      const settings = await appraisalSettings(ctx.db, openedOn);
      const template = { dimensions: DEFAULT_TEMPLATES[plan.type].dimensions.map((d) => ({ ...d, items: [...d.items] })) };
      // Objective items as the supervisor's submission finds them, about a week after opening.
      const scope = { type: plan.type, period: plan.period };
      const ids_ = employees.map((e) => e.id);
      const evaluatedOn = new Date(Math.min(nowMs - DAY, plan.openedMs + (plan.type === 'annual' ? 7 : 6) * DAY)).toISOString().slice(0, 10);
      const [data, projects] = await Promise.all([loadObjectiveData(ctx.db, scope, ids_), loadProjectData(ctx.db, scope, evaluatedOn)]);
      const objectives = computeObjectives({
        scope,
        items: template.dimensions.flatMap((d) => d.items),
        employeeIds: ids_,
        data,
        projects,
        settings: { attainment: settings['appraisal.attainmentRule'], discipline: settings['appraisal.disciplineRule'], costOverrunPenalty: settings['appraisal.costOverrunPenalty'] },
        names: new Map(employees.map((e) => [e.id, e.name])),
        at: new Date(plan.openedMs).toISOString(),
      });
      const isLastMonthly = plan.type === 'monthly' && plan.period === months[months.length - 1];
      buildCycle(
        {
          id: ++cycleId,
          type: plan.type,
          period: plan.period,
          templateId: plan.type === 'monthly' ? 1 : 2,
          template,
          openedMs: plan.openedMs,
          opener: plan.byHr ? hrAt(plan.openedMs)[0]! : null,
          rootIds,
          employees,
          byId,
          hrAt,
          settings,
          objectives,
          nowMs,
          history,
          customers,
          decidedShare: isLastMonthly ? 0.4 : 1,
        },
        sink,
      );
    }
    await flush(ctx, rows, counts);
    return counts;
  },
};
