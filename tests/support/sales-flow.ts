import { expect } from 'vitest';
import type { Client, TestApp } from './test-app.js';

export const proposalContent = {
  title: '华东制造数字化运营咨询方案',
  goals: '梳理业务流程，提升交付效率 20%',
  workContent: '现状调研、流程设计、系统选型与试点实施',
  milestones: [
    { name: '现状调研', start: '2026-12-01', end: '2026-12-20', deliverable: '调研报告' },
    { name: '试点实施', start: '2027-01-05', end: '2027-03-31', deliverable: '试点验收报告' },
  ],
  budgetLines: [
    { item: '咨询人天', amountFen: 30_000_000 },
    { item: '差旅', amountFen: 2_000_000 },
  ],
  assumptions: '客户提供对接人',
};

export const needsAnalysis = {
  background: '客户计划明年启动数字化运营项目',
  requirements: [
    { item: '统一客户数据', priority: 'must' },
    { item: '移动端审批', priority: 'should' },
  ],
  expectations: '三个月内见效',
  constraints: '预算有限',
  budgetMinFen: 20_000_000,
  budgetMaxFen: 40_000_000,
  decisionMakers: '总经理、IT 总监',
  timeline: '2026 年 12 月启动',
};

export type Actors = { marketing: Client; manager: Client; specialist: Client; specialist2: Client; leader: Client };

export async function actors(t: TestApp): Promise<Actors> {
  return {
    marketing: await t.as('marketing'),
    manager: await t.as('manager'),
    specialist: await t.as('specialist'),
    specialist2: await t.as('specialist2'),
    leader: await t.as('leader'),
  };
}

let seq = 0;

/** Registers a lead for a new customer and takes it as far as `until`. */
export async function leadTo(t: TestApp, a: Actors, until: 'registered' | 'accepted' | 'assigned' | 'analyzed', assignee = 'specialist') {
  seq++;
  const created = await a.marketing.post('/api/leads', {
    title: `数字化运营咨询 ${seq}`,
    channel: 'exhibition',
    newCustomer: { name: `测试客户${seq}${Date.now() % 100000}有限公司`, industry: 'manufacturing', region: '华东' },
    contactName: '王经理',
    contactPhone: '13800000000',
    needs: '希望梳理业务流程',
    expectedValueFen: 30_000_000,
    urgency: 'high',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as number;
  if (until === 'registered') return created.body;
  const accepted = await a.manager.post(`/api/leads/${id}/actions/evaluate`, { decision: 'accept', reason: '符合业务范围' });
  expect(accepted.status).toBe(200);
  if (until === 'accepted') return accepted.body;
  const assigned = await a.manager.post(`/api/leads/${id}/actions/assign`, { assigneeId: await t.userId(assignee) });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  if (until === 'assigned') return assigned.body;
  const author = assignee === 'specialist2' ? a.specialist2 : assignee === 'specialist' ? a.specialist : await t.as(assignee);
  const analyzed = await author.request('PUT', `/api/leads/${id}/needs-analysis`, needsAnalysis);
  expect(analyzed.status, JSON.stringify(analyzed.body)).toBe(200);
  return analyzed.body.lead;
}

/** A proposal for an analysed lead, reviewed and accepted by the customer. */
export async function acceptedProposal(t: TestApp, a: Actors) {
  const lead = await leadTo(t, a, 'analyzed');
  const p = await a.specialist.post('/api/proposals', { leadId: lead.id, ...proposalContent });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  expect((await a.specialist.post(`/api/proposals/${p.body.id}/actions/submit`)).status).toBe(200);
  const approved = await a.manager.post(`/api/proposals/${p.body.id}/actions/approve`, { comment: '同意' });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  expect((await a.specialist.post(`/api/proposals/${p.body.id}/actions/send`)).status).toBe(200);
  const accepted = await a.specialist.post(`/api/proposals/${p.body.id}/actions/customer-accept`);
  expect(accepted.body.status).toBe('accepted');
  return accepted.body;
}

export function contractBody(proposalId: number, amountFen = 32_000_000) {
  return {
    proposalId,
    title: '数字化运营咨询合同',
    partyA: '测试客户',
    partyB: '本公司',
    amountFen,
    startDate: '2026-12-01',
    endDate: '2027-03-31',
    instalments: [
      { name: '首付款', amountFen: amountFen * 0.3, dueDate: '2026-12-10' },
      { name: '尾款', amountFen: amountFen * 0.7, dueDate: '2027-04-10' },
    ],
    terms: '甲方按期付款；乙方按计划交付',
  };
}
