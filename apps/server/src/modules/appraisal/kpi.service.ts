import type { FastifyReply } from 'fastify';
import type { KpiRow as KpiInput, KpiTargetDto } from '@domain/appraisal/kpi.schema.js';
import { MONTH_PERIOD, YEAR_PERIOD, monthsOfPeriod, periodRange } from '@domain/appraisal/period.rules.js';
import { translate } from '@domain/i18n/messages.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { fieldErrors, invalid, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { streamXlsx } from '../../platform/files/xlsx-export.js';
import { salesModule } from '../sales/index.js';
import { kpiSelect, listKpi, type KpiFilter, type KpiRow } from './kpi.repo.js';
import { presentKpi } from './kpi.presenter.js';
import { loadOrgTree } from './org-tree.js';
import { headersIn, numberCell, readUploadedSheet, type SheetColumn } from './xlsx-table.js';

type Figures = {
  sales_target_fen?: number | null;
  profit_target_fen?: number | null;
  profit_actual_fen?: number | null;
  market_share_target_bp?: number | null;
  market_share_actual_bp?: number | null;
  projects_target?: number | null;
  projects_actual?: number | null;
  note?: string;
};

const toBp = (v: number | null | undefined) => (v === undefined ? undefined : v === null ? null : Math.round(v * 100));

function figuresOf(r: Partial<KpiInput>): Figures {
  const f: Figures = {
    sales_target_fen: r.salesTargetFen,
    profit_target_fen: r.profitTargetFen,
    profit_actual_fen: r.profitActualFen,
    market_share_target_bp: toBp(r.marketShareTargetPct),
    market_share_actual_bp: toBp(r.marketShareActualPct),
    projects_target: r.projectsTarget,
    projects_actual: r.projectsActual,
    note: r.note,
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Figures;
}

const periodTypeOf = (period: string) => (MONTH_PERIOD.test(period) ? 'month' : 'year');
const subjectKey = (r: { userId?: number | null; departmentId?: number | null }) => (r.userId ? `u:${r.userId}` : `d:${r.departmentId}`);

/** Actual signed sales for each row: an employee's own contracts; a department's members' (sub-departments included). */
async function withActuals(db: Executor, rows: KpiRow[]): Promise<KpiTargetDto[]> {
  if (rows.length === 0) return [];
  const tree = rows.some((r) => r.department_id !== null) ? await loadOrgTree(db) : null;
  const membersOf = new Map<number, number[]>();
  for (const r of rows) if (r.department_id !== null && !membersOf.has(r.department_id)) membersOf.set(r.department_id, tree!.membersBelow(r.department_id));
  const owners = [...new Set([...rows.filter((r) => r.user_id !== null).map((r) => r.user_id!), ...[...membersOf.values()].flat()])];
  const ranges = rows.map((r) => periodRange(r.period_type === 'month' ? 'monthly' : 'annual', r.period));
  const from = ranges.reduce((m, r) => (r.start < m ? r.start : m), ranges[0]!.start);
  const to = ranges.reduce((m, r) => (r.end > m ? r.end : m), ranges[0]!.end);
  const sales = await salesModule.queries.signedSalesByOwnerMonth(db, owners, from, to);
  return rows.map((r) => {
    const months = monthsOfPeriod(r.period_type === 'month' ? 'monthly' : 'annual', r.period);
    const ids = r.user_id !== null ? [r.user_id] : (membersOf.get(r.department_id!) ?? []);
    const actual = ids.reduce((s, id) => s + months.reduce((t, m) => t + (sales.get(id)?.get(m) ?? 0), 0), 0);
    return presentKpi(r, actual);
  });
}

export async function listKpiTargets(db: Executor, q: KpiFilter & { page: number; pageSize: number }) {
  const { items, total } = await listKpi(db, q, q.page, q.pageSize);
  return { items: await withActuals(db, items), total, page: q.page, pageSize: q.pageSize };
}

async function checkSubjects(trx: Executor, rows: { userId?: number; departmentId?: number }[], path: (i: number, field: string) => string) {
  const userIds = [...new Set(rows.map((r) => r.userId).filter((v): v is number => !!v))];
  const deptIds = [...new Set(rows.map((r) => r.departmentId).filter((v): v is number => !!v))];
  const [users, depts] = await Promise.all([
    userIds.length ? trx.selectFrom('users').select('id').where('id', 'in', userIds).where('active', '=', 1).execute() : [],
    deptIds.length ? trx.selectFrom('departments').select('id').where('id', 'in', deptIds).where('active', '=', 1).execute() : [],
  ]);
  const okUsers = new Set(users.map((u) => u.id));
  const okDepts = new Set(depts.map((d) => d.id));
  const fields: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (r.userId && !okUsers.has(r.userId)) fields[path(i, 'userId')] = 'field.notExists';
    if (r.departmentId && !okDepts.has(r.departmentId)) fields[path(i, 'departmentId')] = 'field.notExists';
  });
  return fields;
}

/**
 * Saves the grid: rows with an id are updated (stale version → 409, nothing saved), rows
 * without one are created (an existing employee/department + period → 409). All or nothing.
 */
export function saveKpiGrid(deps: Deps, db: Executor, meta: RequestMeta, rows: KpiInput[]) {
  return inTransaction(db, async (trx) => {
    const at = nowIso(deps);
    const ids = rows.filter((r) => r.id).map((r) => r.id!);
    const existing = new Map(ids.length ? (await trx.selectFrom('kpi_targets').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]) : []);
    const fields: Record<string, string> = await checkSubjects(
      trx,
      rows.map((r) => (r.id ? {} : r)),
      (i, f) => `rows.${i}.${f}`,
    );
    const newKeys = rows.filter((r) => !r.id).map((r) => `${subjectKey(r)}|${r.period}`);
    const taken = newKeys.length
      ? new Set(
          (await trx.selectFrom('kpi_targets').select(['subject_key', 'period']).where('period', 'in', [...new Set(rows.map((r) => r.period))]).execute()).map((r) => `${r.subject_key}|${r.period}`),
        )
      : new Set<string>();
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (r.id) {
        const e = existing.get(r.id);
        if (!e) fields[`rows.${i}.id`] = 'field.notExists';
        else if ((r.userId && `u:${r.userId}` !== e.subject_key) || (r.departmentId && `d:${r.departmentId}` !== e.subject_key) || r.period !== e.period) fields[`rows.${i}.period`] = 'field.invalid';
        return;
      }
      const key = `${subjectKey(r)}|${r.period}`;
      if (taken.has(key) || seen.has(key)) fields[`rows.${i}.period`] = 'field.taken';
      seen.add(key);
    });
    if (Object.keys(fields).length) throw invalid(fields);
    if (rows.some((r) => r.id && existing.get(r.id)!.version !== r.version)) throw versionConflict();

    const created: number[] = [];
    const updated: { id: number; before: Record<string, unknown> }[] = [];
    for (const r of rows) {
      if (r.id) {
        const e = existing.get(r.id)!;
        const res = await trx.updateTable('kpi_targets').set({ ...figuresOf(r), version: e.version + 1, updated_at: at }).where('id', '=', r.id).where('version', '=', e.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
        updated.push({ id: r.id, before: e });
      }
    }
    const inserts = rows
      .filter((r) => !r.id)
      .map((r) => ({
        period_type: periodTypeOf(r.period),
        period: r.period,
        user_id: r.userId ?? null,
        department_id: r.userId ? null : r.departmentId!,
        subject_key: subjectKey(r),
        ...figuresOf(r),
        note: r.note ?? '',
        version: 1,
        created_at: at,
        created_by: meta.actor.id,
        updated_at: at,
      }));
    for (let i = 0; i < inserts.length; i += 300) {
      const res = await trx.insertInto('kpi_targets').values(inserts.slice(i, i + 300)).returning('id').execute();
      created.push(...res.map((x) => x.id));
    }
    const saved = await kpiSelect(trx).where('k.id', 'in', [...created, ...updated.map((u) => u.id)]).orderBy('k.id').execute();
    const dtos = await withActuals(trx, saved);
    await writeAudit(trx, deps.engine, meta, { action: 'save-grid', entity: 'kpi_target', entityId: null, before: updated.map((u) => u.before), after: dtos }, at);
    return { items: dtos, total: dtos.length, page: 1, pageSize: Math.max(dtos.length, 1) };
  });
}

/** The import/export sheet: money in yuan, market share in percent. */
export const KPI_COLUMNS: SheetColumn[] = [
  { key: 'username', headers: { 'zh-CN': '用户名', 'zh-TW': '使用者名稱', 'en-US': 'Username' } },
  { key: 'department', headers: { 'zh-CN': '部门编码', 'zh-TW': '部門代碼', 'en-US': 'Department code' } },
  { key: 'name', headers: { 'zh-CN': '姓名/部门', 'zh-TW': '姓名/部門', 'en-US': 'Name' }, width: 18 },
  { key: 'period', headers: { 'zh-CN': '期间', 'zh-TW': '期間', 'en-US': 'Period' } },
  { key: 'salesTarget', headers: { 'zh-CN': '销售额目标（元）', 'zh-TW': '銷售額目標（元）', 'en-US': 'Sales target (CNY)' }, width: 18 },
  { key: 'salesActual', headers: { 'zh-CN': '已签合同额（元）', 'zh-TW': '已簽合約額（元）', 'en-US': 'Signed sales (CNY)' }, width: 18 },
  { key: 'profitTarget', headers: { 'zh-CN': '利润目标（元）', 'zh-TW': '利潤目標（元）', 'en-US': 'Profit target (CNY)' }, width: 18 },
  { key: 'profitActual', headers: { 'zh-CN': '利润实际（元）', 'zh-TW': '利潤實際（元）', 'en-US': 'Profit actual (CNY)' }, width: 18 },
  { key: 'marketShareTarget', headers: { 'zh-CN': '市场份额目标（%）', 'zh-TW': '市場份額目標（%）', 'en-US': 'Market share target (%)' }, width: 18 },
  { key: 'marketShareActual', headers: { 'zh-CN': '市场份额实际（%）', 'zh-TW': '市場份額實際（%）', 'en-US': 'Market share actual (%)' }, width: 18 },
  { key: 'projectsTarget', headers: { 'zh-CN': '项目目标数', 'zh-TW': '專案目標數', 'en-US': 'Project items target' } },
  { key: 'projectsActual', headers: { 'zh-CN': '项目完成数', 'zh-TW': '專案完成數', 'en-US': 'Project items done' } },
  { key: 'note', headers: { 'zh-CN': '备注', 'zh-TW': '備註', 'en-US': 'Note' }, width: 24 },
];

const yuanToFenCell = (v: number | null) => (v === null ? null : Math.round(v * 100));

/**
 * Imports targets from .xlsx (the export's layout): every row is checked first and the errors are
 * reported per row and column (`row.<line>.<column>`); only a clean sheet is written, as upserts.
 */
export function importKpiTargets(deps: Deps, db: Executor, meta: RequestMeta, attachmentId: number) {
  return inTransaction(db, async (trx) => {
    const lines = await readUploadedSheet(deps, trx, meta, attachmentId, KPI_COLUMNS);
    const [users, depts] = await Promise.all([
      trx.selectFrom('users').select(['id', 'username']).where('active', '=', 1).execute(),
      trx.selectFrom('departments').select(['id', 'code', 'name']).where('active', '=', 1).execute(),
    ]);
    const userBy = new Map(users.map((u) => [u.username.toLowerCase(), u.id]));
    const deptBy = new Map(depts.flatMap((d) => [...(d.code ? [[d.code.toLowerCase(), d.id] as const] : []), [d.name.toLowerCase(), d.id] as const]));
    const problems: Record<string, [string, Record<string, unknown>?]> = {};
    const parsed: (KpiInput & { line: number })[] = [];
    const seen = new Set<string>();
    for (const { line, values: v } of lines) {
      const at = (col: string) => `row.${line}.${col}`;
      const username = v.username == null ? null : String(v.username).toLowerCase();
      const dept = v.department == null ? null : String(v.department).toLowerCase();
      const userId = username ? userBy.get(username) : undefined;
      const departmentId = !username && dept ? deptBy.get(dept) : undefined;
      if (username && !userId) problems[at('username')] = ['field.importUnknownUser'];
      else if (!username && dept && !departmentId) problems[at('department')] = ['field.importUnknownDepartment'];
      else if (!username && !dept) problems[at('username')] = ['field.subjectEither'];
      const period = v.period == null ? '' : String(v.period);
      if (!MONTH_PERIOD.test(period) && !YEAR_PERIOD.test(period)) problems[at('period')] = ['field.periodFormat'];
      const money = { min: 0, max: 1e11, step: 0.01 };
      const cells = {
        salesTargetFen: numberCell(v.salesTarget, money),
        profitTargetFen: numberCell(v.profitTarget, money),
        profitActualFen: numberCell(v.profitActual, { ...money, min: -1e11 }),
        marketShareTargetPct: numberCell(v.marketShareTarget, { min: 0, max: 100, step: 0.01 }),
        marketShareActualPct: numberCell(v.marketShareActual, { min: 0, max: 100, step: 0.01 }),
        projectsTarget: numberCell(v.projectsTarget, { min: 0, max: 100_000, integer: true }),
        projectsActual: numberCell(v.projectsActual, { min: 0, max: 100_000, integer: true }),
      };
      const columnOf: Record<keyof typeof cells, string> = {
        salesTargetFen: 'salesTarget',
        profitTargetFen: 'profitTarget',
        profitActualFen: 'profitActual',
        marketShareTargetPct: 'marketShareTarget',
        marketShareActualPct: 'marketShareActual',
        projectsTarget: 'projectsTarget',
        projectsActual: 'projectsActual',
      };
      for (const [k, c] of Object.entries(cells)) if (!c.ok) problems[at(columnOf[k as keyof typeof cells])] = [c.key, c.params];
      const key = `${userId ? `u:${userId}` : `d:${departmentId}`}|${period}`;
      if (seen.has(key)) problems[at('period')] = ['field.taken'];
      seen.add(key);
      const value = (c: (typeof cells)[keyof typeof cells]) => (c.ok ? c.value : null);
      parsed.push({
        line,
        userId,
        departmentId,
        period,
        salesTargetFen: yuanToFenCell(value(cells.salesTargetFen)),
        profitTargetFen: yuanToFenCell(value(cells.profitTargetFen)),
        profitActualFen: yuanToFenCell(value(cells.profitActualFen)),
        marketShareTargetPct: value(cells.marketShareTargetPct),
        marketShareActualPct: value(cells.marketShareActualPct),
        projectsTarget: value(cells.projectsTarget),
        projectsActual: value(cells.projectsActual),
        note: v.note == null ? '' : String(v.note).slice(0, 500),
      });
    }
    if (lines.length === 0) problems.attachmentId = ['field.importFile'];
    if (Object.keys(problems).length) throw fieldErrors(400, 'VALIDATION_FAILED', (k, p) => translate(meta.locale, k, p), problems);

    const at = nowIso(deps);
    const periods = [...new Set(parsed.map((p) => p.period))];
    const existing = new Map((await trx.selectFrom('kpi_targets').select(['id', 'subject_key', 'period', 'version']).where('period', 'in', periods).execute()).map((r) => [`${r.subject_key}|${r.period}`, r]));
    let created = 0;
    let updated = 0;
    for (const p of parsed) {
      const e = existing.get(`${subjectKey(p)}|${p.period}`);
      const figures = figuresOf(p);
      if (e) {
        await trx.updateTable('kpi_targets').set({ ...figures, version: e.version + 1, updated_at: at }).where('id', '=', e.id).execute();
        updated++;
      } else {
        await trx
          .insertInto('kpi_targets')
          .values({ period_type: periodTypeOf(p.period), period: p.period, user_id: p.userId ?? null, department_id: p.userId ? null : p.departmentId!, subject_key: subjectKey(p), ...figures, note: p.note ?? '', version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })
          .execute();
        created++;
      }
    }
    await writeAudit(trx, deps.engine, meta, { action: 'import', entity: 'kpi_target', entityId: null, after: { attachmentId, created, updated, rows: parsed.length } }, at);
    return { created, updated };
  });
}

export async function exportKpiTargets(db: Executor, meta: RequestMeta, reply: FastifyReply, f: KpiFilter) {
  const { items } = await listKpiTargets(db, { ...f, page: 1, pageSize: 100_000 });
  const codes = new Map((await db.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.id, d.code]));
  const users = new Map((await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.id, u.username]));
  const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
  async function* rows() {
    for (const k of items) {
      yield {
        username: k.userId ? users.get(k.userId) : null,
        department: k.departmentId ? codes.get(k.departmentId) : null,
        name: k.userName ?? k.departmentName,
        period: k.period,
        salesTarget: yuan(k.salesTargetFen),
        salesActual: yuan(k.salesActualFen),
        profitTarget: yuan(k.profitTargetFen),
        profitActual: yuan(k.profitActualFen),
        marketShareTarget: k.marketShareTargetPct,
        marketShareActual: k.marketShareActualPct,
        projectsTarget: k.projectsTarget,
        projectsActual: k.projectsActual,
        note: k.note,
      };
    }
  }
  return streamXlsx(reply, `kpi-targets${f.period ? `-${f.period}` : ''}.xlsx`, 'KPI', headersIn(KPI_COLUMNS, meta.locale), rows());
}
