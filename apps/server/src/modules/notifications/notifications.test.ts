import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import type { TestApp } from '@support/test-app.js';
import { createPlatformTestApp } from '@support/platform-test-app.js';
import { notify } from '../../platform/notify/notify.js';

type Item = { id: number; kind: string; title: string; read: boolean; link: string | null; entity: string | null; entityId: string | null };

describeEngines('notifications', (engine) => {
  let t: TestApp;
  let ids: Record<string, number>;
  beforeAll(async () => {
    t = await createPlatformTestApp(engine);
    ids = {};
    for (const u of ['specialist', 'specialist2', 'manager', 'finance']) ids[u] = await t.userId(u);
    await t.database.db.transaction().execute(async (trx) => {
      await notify(trx, t.deps, { userIds: [ids.specialist!, ids.specialist!, ids.specialist2!], kind: 'lead.assigned', params: { title: '华东制造线索', actor: '李明' }, entity: 'lead', entityId: 7, link: '/leads/7' });
      await notify(trx, t.deps, { userIds: [ids.specialist!], kind: 'approval.decided', params: { title: '华东方案', actor: '李明', result: 'i18n:approval.result.approved' }, entity: 'proposal', entityId: 3, link: '/approvals/1' });
      await notify(trx, t.deps, { userIds: [ids.manager!], kind: 'proposal.awaiting_review', params: { title: '机密方案', actor: '刘洋' } });
    });
  });
  afterAll(() => t.close());

  it('delivers once per user and shows each reader only their own, rendered in their language', async () => {
    const me = await t.as('specialist');
    const res = await me.get('/api/notifications');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(res.body.items.map((n: Item) => n.title)).toEqual(['您提交的审批「华东方案」已由李明通过', '线索「华东制造线索」已由李明分派给您']);
    expect(res.body.items[1]).toMatchObject({ kind: 'lead.assigned', entity: 'lead', entityId: '7', link: '/leads/7', read: false, titleKey: 'notify.lead.assigned' });
    const en = await me.get('/api/notifications', { 'accept-language': 'en-US' });
    expect(en.body.items[0].title).toBe('Your “华东方案” was approved by 李明');
    const tw = await me.get('/api/notifications', { 'accept-language': 'zh-TW' });
    expect(tw.body.items[1].title).toBe('線索「华东制造线索」已由李明分派給您');
    const other = await (await t.as('specialist2')).get('/api/notifications');
    expect(other.body.items.map((n: Item) => n.kind)).toEqual(['lead.assigned']);
    expect((await (await t.as('finance')).get('/api/notifications')).body.total).toBe(0);
    expect((await t.anonymous().get('/api/notifications')).status).toBe(401);
  });

  it('counts unread, marks one read, and answers 404 for someone else’s', async () => {
    const me = await t.as('specialist');
    expect((await me.get('/api/notifications/unread-count')).body).toEqual({ count: 2 });
    const first = (await me.get('/api/notifications')).body.items[0] as Item;
    const read = await me.post(`/api/notifications/${first.id}/actions/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: first.id, read: true });
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await me.post(`/api/notifications/${first.id}/actions/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await me.get('/api/notifications/unread-count')).body).toEqual({ count: 1 });
    expect((await me.get('/api/notifications?unread=true')).body.items.map((n: Item) => n.kind)).toEqual(['lead.assigned']);
    expect((await me.get('/api/notifications?unread=false')).body.items.map((n: Item) => n.id)).toEqual([first.id]);

    const managers = (await (await t.as('manager')).get('/api/notifications')).body.items as Item[];
    const theirs = await me.post(`/api/notifications/${managers[0]!.id}/actions/read`);
    expect(theirs.status).toBe(404);
    expect((await (await t.as('manager')).get('/api/notifications/unread-count')).body).toEqual({ count: 1 });
    expect((await me.post('/api/notifications/999999/actions/read')).status).toBe(404);
  });

  it('marks all of mine read and nobody else’s', async () => {
    const me = await t.as('specialist2');
    const all = await me.post('/api/notifications/actions/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ updated: 1 });
    expect((await me.get('/api/notifications/unread-count')).body).toEqual({ count: 0 });
    expect((await (await t.as('manager')).get('/api/notifications/unread-count')).body).toEqual({ count: 1 });
  });

  it('rejects bad input with field errors', async () => {
    const me = await t.as('specialist');
    const bad = await me.get('/api/notifications?unread=maybe&pageSize=0');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['pageSize', 'unread']);
    expect((await me.get('/api/notifications?kind=x')).body.error.fields).toEqual({ kind: '不允许的字段' });
    expect((await me.post('/api/notifications/abc/actions/read')).status).toBe(400);
  });

  it('skips inactive users and unknown ids, and refuses links outside the app', async () => {
    const db = t.database.db;
    await db.updateTable('users').set({ active: 0 }).where('id', '=', ids.finance!).execute();
    await notify(db, t.deps, { userIds: [ids.finance!, 999_999], kind: 'approval.cc', params: { title: 'x', actor: 'y' } });
    expect(await db.selectFrom('notifications').select('id').where('user_id', '=', ids.finance!).execute()).toEqual([]);
    await db.updateTable('users').set({ active: 1 }).where('id', '=', ids.finance!).execute();
    await notify(db, t.deps, { userIds: [], kind: 'approval.cc' });
    for (const link of ['https://evil.example/x', '//evil.example', 'javascript:alert(1)', '/\\evil']) {
      await expect(notify(db, t.deps, { userIds: [ids.finance!], kind: 'approval.cc', link })).rejects.toThrow(/app path/);
    }
    expect(await db.selectFrom('notifications').select('id').where('user_id', '=', ids.finance!).execute()).toEqual([]);
  });
});
