import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import type { Client, TestApp } from '@support/test-app.js';
import { createPlatformTestApp } from '@support/platform-test-app.js';
import { multipartBody } from '@support/multipart-body.js';
import { clockAt } from '@support/appraisal-kit.js';

const clock = clockAt('2031-06-26T02:00:00Z');

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(c: Client, name: string, content: Buffer): Promise<number> {
  const { body, headers } = multipartBody([{ name: 'file', filename: name, content, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }]);
  const res = await c.request('POST', '/api/attachments', body, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

describeEngines('templates, KPI targets and attendance', (engine) => {
  let t: TestApp;
  let hr: Client;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yy-appraisal-'));
    t = await createPlatformTestApp(engine, { now: () => clock.now, config: { dataDir } });
    hr = await t.as('hr');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('templates are versioned; an open appraisal keeps its version', () => {
    it('starts from the built-in 60 / 30 / 10 templates', async () => {
      const res = await hr.get('/api/appraisal-templates?type=monthly');
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({ versionNo: 1, inForce: true });
      expect(res.body.items[0].dimensions.map((d: { weight: number }) => d.weight)).toEqual([60, 30, 10]);
    });

    it('refuses weights that do not add up, naming where', async () => {
      const base = (await hr.get('/api/appraisal-templates?type=monthly')).body.items[0];
      const dims = structuredClone(base.dimensions);
      dims[0].weight = 50;
      dims[1].items[0].weight = 30;
      const res = await hr.post('/api/appraisal-templates', { type: 'monthly', name: '新模板', effectiveFrom: '2031-06-26', dimensions: dims });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields).sort()).toEqual(['dimensions', 'dimensions.1.items']);
      expect((await (await t.as('manager')).post('/api/appraisal-templates', { type: 'monthly', name: 'x', effectiveFrom: '2031-06-26', dimensions: base.dimensions })).status).toBe(403);
      expect((await hr.post('/api/appraisal-templates', { type: 'monthly', name: 'x', effectiveFrom: '2031-06-01', dimensions: base.dimensions })).body.error.fields.effectiveFrom).toBeDefined();
    });

    it('opens cycles with the version in force; later versions leave them alone', async () => {
      const opened = await hr.post('/api/appraisal-cycles', { type: 'monthly', period: '2031-06' });
      expect(opened.status).toBe(201);
      const base = (await hr.get('/api/appraisal-templates?type=monthly')).body.items[0];
      const dims = structuredClone(base.dimensions);
      dims[0].weight = 70;
      dims.splice(2, 1);
      const v2 = await hr.post('/api/appraisal-templates', { type: 'monthly', name: '2031 下半年月度模板', effectiveFrom: '2031-06-26', note: '取消工作态度维度', dimensions: dims });
      expect(v2.status, JSON.stringify(v2.body)).toBe(201);
      expect(v2.body).toMatchObject({ versionNo: 2, inForce: true });
      const list = await hr.get(`/api/appraisals?cycleId=${opened.body.id}`);
      const one = await hr.get(`/api/appraisals/${list.body.items[0].id}`);
      expect(one.body.template.versionNo).toBe(1);
      expect(one.body.template.dimensions).toHaveLength(3);
      const next = await hr.post('/api/appraisal-cycles', { type: 'monthly', period: '2031-07' });
      expect(next.body.templateVersionNo).toBe(2);
    });
  });

  describe('KPI targets', () => {
    let specialistId: number;
    it('saves a grid; stale versions are refused whole', async () => {
      specialistId = await t.userId('specialist');
      const deptId = (await t.database.db.selectFrom('departments').select('id').where('code', '=', 'BIZ').executeTakeFirstOrThrow()).id;
      const manager = await t.as('manager');
      const res = await manager.request('PUT', '/api/kpi-targets', {
        rows: [
          { userId: specialistId, period: '2031-06', salesTargetFen: 50_000_000, profitTargetFen: 10_000_000, profitActualFen: 8_000_000, marketShareTargetPct: 12.5, marketShareActualPct: 10 },
          { departmentId: deptId, period: '2031', salesTargetFen: 3_000_000_000 },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.items).toHaveLength(2);
      const row = res.body.items.find((r: { userId: number | null }) => r.userId === specialistId);
      expect(row).toMatchObject({ periodType: 'month', marketShareTargetPct: 12.5, salesActualFen: 0 });
      const dup = await manager.request('PUT', '/api/kpi-targets', { rows: [{ userId: specialistId, period: '2031-06', salesTargetFen: 1 }] });
      expect(dup.status).toBe(400);
      expect(dup.body.error.fields['rows.0.period']).toBeDefined();
      const ok = await manager.request('PUT', '/api/kpi-targets', { rows: [{ id: row.id, version: row.version, period: '2031-06', salesTargetFen: 60_000_000 }] });
      expect(ok.status).toBe(200);
      const stale = await manager.request('PUT', '/api/kpi-targets', { rows: [{ id: row.id, version: row.version, period: '2031-06', salesTargetFen: 70_000_000 }] });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('VERSION_CONFLICT');
      expect((await hr.get(`/api/kpi-targets?userId=${specialistId}`)).body.items[0].salesTargetFen).toBe(60_000_000);
      expect((await (await t.as('deputy')).request('PUT', '/api/kpi-targets', { rows: [{ userId: specialistId, period: '2031-08' }] })).status).toBe(403);
      const bad = await manager.request('PUT', '/api/kpi-targets', { rows: [{ userId: specialistId, period: '2031-6', salesTargetFen: -1 }] });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.error.fields).sort()).toEqual(['rows.0.period', 'rows.0.salesTargetFen']);
    });

    it('imports .xlsx all or nothing, with errors per row and column', async () => {
      const header = ['用户名', '部门编码', '期间', '销售额目标（元）', '利润目标（元）', '市场份额目标（%）'];
      const broken = await xlsx([header, ['pm', null, '2031-07', 300000, 50000, 8], ['nobody', null, '2031-07', 1, 1, 1], ['specialist2', null, '2031-7', 'abc', 1, 120]]);
      const bad = await hr.post('/api/kpi-targets/import', { attachmentId: await upload(hr, 'targets.xlsx', broken) });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.error.fields).sort()).toEqual(['row.3.username', 'row.4.marketShareTarget', 'row.4.period', 'row.4.salesTarget']);
      expect((await hr.get('/api/kpi-targets?period=2031-07')).body.total).toBe(0);

      const good = await xlsx([header, ['pm', null, '2031-07', 300000.5, 50000, 8], [null, 'BIZ', '2031-07', 2_000_000, null, null]]);
      const res = await hr.post('/api/kpi-targets/import', { attachmentId: await upload(hr, 'targets.xlsx', good) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ created: 2, updated: 0 });
      const pmRow = (await hr.get(`/api/kpi-targets?period=2031-07&userId=${await t.userId('pm')}`)).body.items[0];
      expect(pmRow).toMatchObject({ salesTargetFen: 30_000_050, profitTargetFen: 5_000_000, marketShareTargetPct: 8 });
      const again = await hr.post('/api/kpi-targets/import', { attachmentId: await upload(hr, 'targets.xlsx', good) });
      expect(again.body).toEqual({ created: 0, updated: 2 });
      const exported = await hr.get('/api/kpi-targets/export?period=2031-07');
      expect(exported.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported.raw.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('用户名');
      expect(wb.worksheets[0]!.rowCount).toBe(3);
    });
  });

  describe('attendance', () => {
    it('saves the month and imports a sheet; discipline reads it', async () => {
      const userId = await t.userId('specialist');
      const bad = await hr.request('PUT', '/api/attendance', { rows: [{ userId, month: '2031-06', lateCount: 1, absentDays: 0.3, leaveDays: 0 }] });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields['rows.0.absentDays']).toBeDefined();
      const ok = await hr.request('PUT', '/api/attendance', { rows: [{ userId, month: '2031-06', lateCount: 1, absentDays: 0.5, leaveDays: 2 }] });
      expect(ok.status).toBe(200);
      expect(ok.body.items[0]).toMatchObject({ lateCount: 1, absentDays: 0.5, leaveDays: 2 });
      const sheet = await xlsx([['用户名', '月份', '迟到次数', '旷工天数', '请假天数'], ['specialist2', '2031-06', 3, 0, 1.5], ['pm', '2031-06', 0, 0, 0]]);
      const res = await hr.post('/api/attendance/import', { attachmentId: await upload(hr, 'attendance.xlsx', sheet) });
      expect(res.body).toEqual({ created: 2, updated: 0 });
      const list = await hr.get('/api/attendance?month=2031-06');
      expect(list.body.total).toBe(3);
      expect((await (await t.as('specialist')).get('/api/attendance')).status).toBe(403);
    });
  });
});
