import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Engine } from '../../apps/server/src/platform/db/database.js';
import { createTestApp, type Client, type TestApp } from './test-app.js';
import { acceptedProposal, actors, contractBody, type Actors } from './sales-flow.js';
import { multipartBody } from './multipart-body.js';

/** Tests run on a fixed day: 2027-01-20, a Wednesday in ISO week 2027-W03, inside the sample contract (Dec 2026 – Mar 2027). */
export const TODAY = '2027-01-20';
export const NOW = new Date(`${TODAY}T04:00:00Z`);

export type DeliveryKit = { t: TestApp; a: Actors & { pm: Client; finance: Client; deputy: Client; hr: Client }; close: () => Promise<void> };

export async function deliveryApp(engine: Engine): Promise<DeliveryKit> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yy-delivery-'));
  const t = await createTestApp(engine, { now: () => NOW, config: { dataDir } });
  const base = await actors(t);
  const a = { ...base, pm: await t.as('pm'), finance: await t.as('finance'), deputy: await t.as('deputy'), hr: await t.as('hr') };
  return {
    t,
    a,
    close: async () => {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A contract signed by the manager: its project, in planning, led by the lead's assignee (specialist 刘洋). */
export async function signedProject(k: DeliveryKit, amountFen = 32_000_000): Promise<{ id: number; contractId: number }> {
  const proposal = await acceptedProposal(k.t, k.a);
  const contract = await k.a.specialist.post('/api/contracts', contractBody(proposal.id, amountFen));
  expect(contract.status, JSON.stringify(contract.body)).toBe(201);
  const signed = await k.a.manager.post(`/api/contracts/${contract.body.id}/actions/sign`, { signedDate: '2026-11-25' });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  return { id: signed.body.projectId, contractId: contract.body.id };
}

/** The manager hands the project to 陈静 (pm), who forms a team of 刘洋 and 赵敏 and starts it. */
export async function runningProject(k: DeliveryKit, amountFen?: number) {
  const { id, contractId } = await signedProject(k, amountFen);
  const p = await k.a.manager.get(`/api/projects/${id}`);
  const moved = await k.a.manager.patch(`/api/projects/${id}`, { version: p.body.version, pmId: await k.t.userId('pm') });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  for (const [user, role] of [['specialist', '实施顾问'], ['specialist2', '业务分析师']] as const) {
    const added = await k.a.pm.post(`/api/projects/${id}/members`, { userId: await k.t.userId(user), projectRole: role, responsibilities: '按计划完成分配的任务' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  const started = await k.a.pm.post(`/api/projects/${id}/actions/start`, { actualStart: '2026-12-01' });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return { id, contractId, project: started.body };
}

export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(600), Buffer.from('\n%%EOF\n')]);

/** Uploads a small PDF as `c` and answers the attachment id. */
export async function upload(c: Client, filename = '票据.pdf'): Promise<number> {
  const { body, headers } = multipartBody([{ name: 'file', filename, content: PDF, type: 'application/pdf' }]);
  const res = await c.request('POST', '/api/attachments', body, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

export async function auditActions(t: TestApp, entity: string, entityId: number): Promise<string[]> {
  const res = await (await t.as('admin')).get(`/api/audit-log?entity=${entity}&entityId=${entityId}&pageSize=200`);
  expect(res.status).toBe(200);
  return res.body.items.map((e: { action: string }) => e.action);
}

/** Takes a running project through acceptance to closed, the manager writing off the unpaid contract amount. */
export async function closeByWriteOff(k: DeliveryKit, id: number) {
  const { a } = k;
  const base = `/api/projects/${id}`;
  await a.pm.post(`${base}/actions/submit-internal-acceptance`, {});
  const round = (await a.pm.get(`${base}/acceptances`)).body.items[0];
  await a.pm.request('PUT', `${base}/acceptances/${round.id}/items`, { items: round.items.map((i: { id: number }) => ({ id: i.id, result: 'pass', note: '' })) });
  await a.pm.post(`${base}/actions/submit-customer-acceptance`, {});
  await a.pm.post(`${base}/actions/settle`, { acceptedDate: TODAY, signer: '孙梅', attachmentIds: [await upload(a.pm, '验收单.pdf')] });
  await a.pm.request('PUT', `${base}/retrospective`, { wentWell: '交付顺利', wentWrong: '回款拖延', lessons: '付款节点应与验收节点绑定', reusableAssets: '' });
  for (const category of ['contract', 'plan', 'report', 'deliverable']) {
    await a.pm.post(`${base}/documents`, { category, title: category, attachmentId: await upload(a.pm, `${category}.pdf`) });
  }
  const closed = await a.manager.post(`${base}/actions/close`, { writeOffReason: '客户经营困难，经公司领导批准核销尾款' });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  return closed.body;
}
