import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import type { TestApp } from '@support/test-app.js';
import { createPlatformTestApp } from '@support/platform-test-app.js';
import { getSetting } from '../../platform/settings/settings.js';

describeEngines('policies', (engine) => {
  let t: TestApp;
  // Noon UTC keeps "today" the same calendar date in every server time zone from UTC-11 to UTC+11.
  const clock = { now: new Date('2026-03-10T12:00:00Z') };
  beforeAll(async () => {
    t = await createPlatformTestApp(engine, { now: () => clock.now });
  });
  afterAll(() => t.close());

  it('lists every parameter with its default to any signed-in user', async () => {
    const res = await (await t.as('specialist')).get('/api/policies');
    expect(res.status).toBe(200);
    const idle = res.body.items.find((p: { key: string }) => p.key === 'sales.pool.idleDays');
    expect(idle).toMatchObject({ value: 30, defaultValue: 30, effectiveFrom: null, history: [], description: '客户/线索无跟进多少天后退回公海' });
    expect(idle.valueSchema).toMatchObject({ type: 'integer', minimum: 1 });
    const keys = res.body.items.map((p: { key: string }) => p.key);
    expect(keys).toEqual(expect.arrayContaining(['sales.pool.maxProtectedCustomers', 'sales.proposal.leaderApprovalAboveFen', 'sales.contract.numberFormat', 'sales.lead.evaluationWorkingDays', 'files.maxUploadMb', 'files.allowedTypes']));
    const en = await (await t.as('specialist')).get('/api/policies', { 'accept-language': 'en-US' });
    expect(en.body.items.find((p: { key: string }) => p.key === 'files.maxUploadMb').description).toBe('Maximum size of one uploaded file (MB)');
    expect((await t.anonymous().get('/api/policies')).status).toBe(401);
  });

  it('lets only the administrator add versions', async () => {
    for (const user of ['manager', 'hr', 'leader']) {
      const res = await (await t.as(user)).post('/api/policies/sales.pool.idleDays/versions', { value: 40, effectiveFrom: '2026-03-10' });
      expect(res.status).toBe(403);
    }
  });

  it('validates the value with the key’s own schema and refuses past dates', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/policies/sales.pool.idleDays/versions', { value: 0, effectiveFrom: '2026-03-10' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ value: '不能小于 1' });
    const text = await admin.post('/api/policies/sales.pool.idleDays/versions', { value: 'thirty', effectiveFrom: '2026-03-10' });
    expect(text.body.error.fields.value).toBeDefined();
    const list = await admin.post('/api/policies/files.allowedTypes/versions', { value: ['pdf', '../x'], effectiveFrom: '2026-03-10' });
    expect(list.status).toBe(400);
    expect(Object.keys(list.body.error.fields)).toEqual(['value.1']);
    const past = await admin.post('/api/policies/sales.pool.idleDays/versions', { value: 40, effectiveFrom: '2026-03-09' });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual({ effectiveFrom: '生效日期不能早于今天' });
    const shape = await admin.post('/api/policies/sales.pool.idleDays/versions', { effectiveFrom: 'tomorrow', extra: 1 });
    expect(Object.keys(shape.body.error.fields).sort()).toEqual(['effectiveFrom', 'extra', 'value']);
    const nul = await admin.post('/api/policies/sales.pool.idleDays/versions', { value: 40, effectiveFrom: '2026-03-10', note: 'a\u0000b' });
    expect(nul.body.error.fields).toEqual({ note: '格式不正确' });
    expect((await admin.post('/api/policies/no.such.key/versions', { value: 1, effectiveFrom: '2026-03-10' })).status).toBe(404);
    expect((await admin.post('/api/policies/bad key!/versions', { value: 1, effectiveFrom: '2026-03-10' })).status).toBe(400);
  });

  it('applies each version from its effective date, keeps history, and audits', async () => {
    const admin = await t.as('admin');
    const now = await admin.post('/api/policies/sales.pool.idleDays/versions', { value: 45, effectiveFrom: '2026-03-10', note: '旺季放宽' });
    expect(now.status).toBe(201);
    expect(now.body).toMatchObject({ key: 'sales.pool.idleDays', value: 45, effectiveFrom: '2026-03-10' });
    const later = await admin.post('/api/policies/sales.pool.idleDays/versions', { value: 60, effectiveFrom: '2026-07-01' });
    expect(later.body.value).toBe(45);
    expect(later.body.history.map((h: { value: number }) => h.value)).toEqual([60, 45]);
    expect(later.body.history[1]).toMatchObject({ note: '旺季放宽', createdByName: '系统管理员' });

    const db = t.database.db;
    expect(await getSetting(db, 'sales.pool.idleDays', '2026-03-09')).toBe(30);
    expect(await getSetting(db, 'sales.pool.idleDays', '2026-03-10')).toBe(45);
    expect(await getSetting(db, 'sales.pool.idleDays', '2026-06-30')).toBe(45);
    expect(await getSetting(db, 'sales.pool.idleDays', '2026-07-01')).toBe(60);
    expect(await getSetting(db, 'sales.pool.maxProtectedCustomers', '2026-07-01')).toBe(50);

    // A correction on the same date wins over the earlier entry for that date.
    await admin.post('/api/policies/sales.pool.idleDays/versions', { value: 55, effectiveFrom: '2026-07-01' });
    expect(await getSetting(db, 'sales.pool.idleDays', '2026-07-01')).toBe(55);

    clock.now = new Date('2026-07-02T12:00:00Z');
    const listed = await (await t.as('pm')).get('/api/policies');
    expect(listed.body.items.find((p: { key: string }) => p.key === 'sales.pool.idleDays')).toMatchObject({ value: 55, effectiveFrom: '2026-07-01' });

    // Sessions expire as the clock moves: sign in again.
    const audit = await (await t.as('admin')).get('/api/audit-log?entity=policy&entityId=sales.pool.idleDays&sort=id');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create-version', 'create-version', 'create-version']);
    expect(audit.body.items[0]).toMatchObject({ actorName: '系统管理员', before: { value: 30 }, after: { value: 45, effectiveFrom: '2026-03-10', note: '旺季放宽' } });
    expect(audit.body.items[2].before).toEqual({ value: 60 });
  });
});
