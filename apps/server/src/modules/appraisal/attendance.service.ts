import { sql } from 'kysely';
import type { FastifyReply } from 'fastify';
import type { AttendanceDto, AttendanceRow } from '@domain/appraisal/attendance.schema.js';
import { MONTH_PERIOD } from '@domain/appraisal/period.rules.js';
import { translate } from '@domain/i18n/messages.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { fieldErrors, invalid, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { containsText } from '../../platform/db/query.js';
import { streamXlsx } from '../../platform/files/xlsx-export.js';
import { headersIn, numberCell, readUploadedSheet, type SheetColumn } from './xlsx-table.js';

function attendanceSelect(db: Executor) {
  return db
    .selectFrom('attendance_records as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .selectAll('r')
    .select(['u.name as user_name', 'u.username', 'd.name as department_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof attendanceSelect>['executeTakeFirstOrThrow']>>;

function present(r: Row): AttendanceDto {
  return {
    id: r.id,
    version: r.version,
    userId: r.user_id,
    userName: r.user_name,
    departmentName: r.department_name,
    month: r.month,
    lateCount: r.late_count,
    absentDays: r.absent_half_days / 2,
    leaveDays: r.leave_half_days / 2,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

type Filter = { month?: string; userId?: number; departmentId?: number; q?: string };

function filtered(db: Executor, f: Filter) {
  let q = attendanceSelect(db);
  if (f.month) q = q.where('r.month', '=', f.month);
  if (f.userId) q = q.where('r.user_id', '=', f.userId);
  if (f.departmentId) q = q.where('u.department_id', '=', f.departmentId);
  if (f.q) q = q.where(containsText('u.name', f.q));
  return q;
}

export async function listAttendance(db: Executor, f: Filter & { page: number; pageSize: number }) {
  const [items, count] = await Promise.all([
    filtered(db, f).orderBy('r.month', 'desc').orderBy('u.name').orderBy('r.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    filtered(db, f).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: items.map(present), total: Number(count?.n ?? 0), page: f.page, pageSize: f.pageSize };
}

/** The monthly attendance table [4.3 discipline]: rows with an id are updated (stale → 409), others created; all or nothing. */
export function saveAttendanceGrid(deps: Deps, db: Executor, meta: RequestMeta, rows: AttendanceRow[]) {
  return inTransaction(db, async (trx) => {
    const at = nowIso(deps);
    const ids = rows.filter((r) => r.id).map((r) => r.id!);
    const existing = new Map(ids.length ? (await trx.selectFrom('attendance_records').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]) : []);
    const userIds = [...new Set(rows.map((r) => r.userId))];
    const users = new Set((await trx.selectFrom('users').select('id').where('id', 'in', userIds).execute()).map((u) => u.id));
    const taken = new Set(
      (await trx.selectFrom('attendance_records').select(['user_id', 'month']).where('user_id', 'in', userIds).where('month', 'in', [...new Set(rows.map((r) => r.month))]).execute()).map((r) => `${r.user_id}|${r.month}`),
    );
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (!users.has(r.userId)) fields[`rows.${i}.userId`] = 'field.notExists';
      if (r.id) {
        const e = existing.get(r.id);
        if (!e) fields[`rows.${i}.id`] = 'field.notExists';
        else if (e.user_id !== r.userId || e.month !== r.month) fields[`rows.${i}.month`] = 'field.invalid';
        return;
      }
      const key = `${r.userId}|${r.month}`;
      if (taken.has(key) || seen.has(key)) fields[`rows.${i}.month`] = 'field.taken';
      seen.add(key);
    });
    if (Object.keys(fields).length) throw invalid(fields);
    if (rows.some((r) => r.id && existing.get(r.id)!.version !== r.version)) throw versionConflict();
    const savedIds: number[] = [];
    for (const r of rows.filter((x) => x.id)) {
      const e = existing.get(r.id!)!;
      const res = await trx
        .updateTable('attendance_records')
        .set({ late_count: r.lateCount, absent_half_days: r.absentDays * 2, leave_half_days: r.leaveDays * 2, note: r.note ?? e.note, version: e.version + 1, updated_at: at })
        .where('id', '=', e.id)
        .where('version', '=', e.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
      savedIds.push(e.id);
    }
    const inserts = rows
      .filter((r) => !r.id)
      .map((r) => ({ user_id: r.userId, month: r.month, late_count: r.lateCount, absent_half_days: r.absentDays * 2, leave_half_days: r.leaveDays * 2, note: r.note ?? '', version: 1, created_at: at, created_by: meta.actor.id, updated_at: at }));
    for (let i = 0; i < inserts.length; i += 500) savedIds.push(...(await trx.insertInto('attendance_records').values(inserts.slice(i, i + 500)).returning('id').execute()).map((x) => x.id));
    const saved = (await attendanceSelect(trx).where('r.id', 'in', savedIds).orderBy('r.id').execute()).map(present);
    await writeAudit(trx, deps.engine, meta, { action: 'save-grid', entity: 'attendance', entityId: null, before: [...existing.values()], after: saved }, at);
    return { items: saved, total: saved.length, page: 1, pageSize: Math.max(saved.length, 1) };
  });
}

export const ATTENDANCE_COLUMNS: SheetColumn[] = [
  { key: 'username', headers: { 'zh-CN': '用户名', 'zh-TW': '使用者名稱', 'en-US': 'Username' } },
  { key: 'name', headers: { 'zh-CN': '姓名', 'zh-TW': '姓名', 'en-US': 'Name' } },
  { key: 'month', headers: { 'zh-CN': '月份', 'zh-TW': '月份', 'en-US': 'Month' } },
  { key: 'lateCount', headers: { 'zh-CN': '迟到次数', 'zh-TW': '遲到次數', 'en-US': 'Late arrivals' } },
  { key: 'absentDays', headers: { 'zh-CN': '旷工天数', 'zh-TW': '曠職天數', 'en-US': 'Absent days' } },
  { key: 'leaveDays', headers: { 'zh-CN': '请假天数', 'zh-TW': '請假天數', 'en-US': 'Leave days' } },
  { key: 'note', headers: { 'zh-CN': '备注', 'zh-TW': '備註', 'en-US': 'Note' }, width: 24 },
];

/** Imports a month's attendance from .xlsx: checked row by row first, then written (upsert by employee and month). */
export function importAttendance(deps: Deps, db: Executor, meta: RequestMeta, attachmentId: number) {
  return inTransaction(db, async (trx) => {
    const lines = await readUploadedSheet(deps, trx, meta, attachmentId, ATTENDANCE_COLUMNS);
    const users = new Map((await trx.selectFrom('users').select(['id', 'username']).where('active', '=', 1).execute()).map((u) => [u.username.toLowerCase(), u.id]));
    const problems: Record<string, [string, Record<string, unknown>?]> = {};
    const parsed: { userId: number; month: string; late: number; absent: number; leave: number; note: string }[] = [];
    const seen = new Set<string>();
    for (const { line, values: v } of lines) {
      const at = (col: string) => `row.${line}.${col}`;
      const userId = v.username == null ? undefined : users.get(String(v.username).toLowerCase());
      if (!userId) problems[at('username')] = ['field.importUnknownUser'];
      const month = v.month == null ? '' : String(v.month);
      if (!MONTH_PERIOD.test(month)) problems[at('month')] = ['field.periodFormat'];
      const late = numberCell(v.lateCount ?? 0, { min: 0, max: 100, integer: true });
      const absent = numberCell(v.absentDays ?? 0, { min: 0, max: 31, step: 0.5 });
      const leave = numberCell(v.leaveDays ?? 0, { min: 0, max: 31, step: 0.5 });
      for (const [col, c] of [['lateCount', late], ['absentDays', absent], ['leaveDays', leave]] as const) if (!c.ok) problems[at(col)] = [c.key, c.params];
      if (seen.has(`${userId}|${month}`)) problems[at('month')] = ['field.taken'];
      seen.add(`${userId}|${month}`);
      if (userId && late.ok && absent.ok && leave.ok) parsed.push({ userId, month, late: late.value ?? 0, absent: absent.value ?? 0, leave: leave.value ?? 0, note: v.note == null ? '' : String(v.note).slice(0, 500) });
    }
    if (lines.length === 0) problems.attachmentId = ['field.importFile'];
    if (Object.keys(problems).length) throw fieldErrors(400, 'VALIDATION_FAILED', (k, p) => translate(meta.locale, k, p), problems);
    const at = nowIso(deps);
    const existing = new Map(
      (await trx.selectFrom('attendance_records').select(['id', 'user_id', 'month', 'version']).where('month', 'in', [...new Set(parsed.map((p) => p.month))]).execute()).map((r) => [`${r.user_id}|${r.month}`, r]),
    );
    let created = 0;
    let updated = 0;
    for (const p of parsed) {
      const values = { late_count: p.late, absent_half_days: p.absent * 2, leave_half_days: p.leave * 2, note: p.note };
      const e = existing.get(`${p.userId}|${p.month}`);
      if (e) {
        await trx.updateTable('attendance_records').set({ ...values, version: e.version + 1, updated_at: at }).where('id', '=', e.id).execute();
        updated++;
      } else {
        await trx.insertInto('attendance_records').values({ user_id: p.userId, month: p.month, ...values, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at }).execute();
        created++;
      }
    }
    await writeAudit(trx, deps.engine, meta, { action: 'import', entity: 'attendance', entityId: null, after: { attachmentId, created, updated, rows: parsed.length } }, at);
    return { created, updated };
  });
}

export async function exportAttendance(db: Executor, meta: RequestMeta, reply: FastifyReply, f: Filter) {
  const rows = await filtered(db, f).orderBy('r.month', 'desc').orderBy('u.name').execute();
  async function* out() {
    for (const r of rows) yield { username: r.username, name: r.user_name, month: r.month, lateCount: r.late_count, absentDays: r.absent_half_days / 2, leaveDays: r.leave_half_days / 2, note: r.note };
  }
  return streamXlsx(reply, `attendance${f.month ? `-${f.month}` : ''}.xlsx`, 'Attendance', headersIn(ATTENDANCE_COLUMNS, meta.locale), out());
}
