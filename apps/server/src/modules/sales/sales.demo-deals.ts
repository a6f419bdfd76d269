import type { INDUSTRIES } from '@domain/sales/customer.schema.js';
import type { DemoKit } from '../../platform/demo-kit.js';
import { assignLead, evaluateLead, registerLead, submitNeedsAnalysis } from './leads.service.js';
import { createProposal, customerDecision, reviewProposal, sendProposal, submitProposal } from './proposals.service.js';
import { createContract, signContract } from './contracts.service.js';

/** A deal the delivery demo needs won: the lead, its proposal's plan and budget, the contract's schedule (days relative to today). */
export type WonSpec = {
  title: string;
  customer: string;
  assignee: string;
  start: number;
  end: number;
  milestones: { name: string; start: number; end: number; deliverable: string }[];
  budget: { item: string; amountFen: number }[];
  /** Instalments as shares of the amount with their due day. */
  instalments: { name: string; share: number; due: number }[];
};

const NEEDS = {
  background: '客户处于业务扩张期，现有流程依赖人工协调，管理层缺少及时的经营数据',
  requirements: [
    { item: '梳理并固化核心业务流程', priority: 'must' as const },
    { item: '建立管理层经营看板', priority: 'should' as const },
  ],
  expectations: '项目结束时流程线上运行，关键指标按周可见',
  constraints: '不影响现有生产经营；预算分期支付',
  budgetMinFen: 20_000_000,
  budgetMaxFen: 80_000_000,
  decisionMakers: '总经理、分管副总',
  timeline: '合同签订后一个季度内完成',
};

/** A lead taken through the real sales services to a signed contract; answers the project signing created. */
export async function wonProject(k: DemoKit, spec: WonSpec): Promise<number> {
  const { deps, db, as } = k;
  const customer = await db.selectFrom('customers').select(['id', 'name', 'uscc', 'industry', 'region']).where('name', '=', spec.customer).executeTakeFirstOrThrow();
  const contact = await db.selectFrom('contacts').select('name').where('customer_id', '=', customer.id).executeTakeFirst();
  const total = spec.budget.reduce((s, b) => s + b.amountFen, 0);
  const lead = await registerLead(deps, db, as('marketing'), { title: spec.title, channel: 'referral', referrer: '老客户推荐', newCustomer: { name: customer.name, uscc: customer.uscc ?? undefined, industry: customer.industry as (typeof INDUSTRIES)[number], region: customer.region, size: 'medium' }, contactName: contact?.name ?? '', needs: `${spec.title}：希望在一个项目周期内完成咨询与落地`, expectedValueFen: total, urgency: 'normal' });
  await evaluateLead(deps, db, as('manager'), lead.id, { decision: 'accept' });
  await assignLead(deps, db, as('manager'), lead.id, { assigneeId: k.userId(spec.assignee) });
  await submitNeedsAnalysis(deps, db, as(spec.assignee), lead.id, NEEDS);
  const proposal = await createProposal(deps, db, as(spec.assignee), {
    leadId: lead.id,
    title: `${spec.title}方案`,
    goals: '流程线上化，关键经营指标按周可见，交付效率提升 20%',
    workContent: spec.milestones.map((m, i) => `${i + 1}. ${m.name}：${m.deliverable}`).join('\n'),
    milestones: spec.milestones.map((m) => ({ name: m.name, start: k.day(m.start), end: k.day(m.end), deliverable: m.deliverable })),
    budgetLines: spec.budget,
    assumptions: '客户指定专职对接人，按期提供资料与系统权限',
  });
  await submitProposal(deps, db, as(spec.assignee), proposal.id);
  const reviewed = await reviewProposal(deps, db, as('manager'), proposal.id, 'approve', '同意');
  // Above the amount in the settings a company leader approves after the manager.
  if (reviewed.status === 'in_review') await reviewProposal(deps, db, as('leader'), proposal.id, 'approve', '同意，注意回款');
  await sendProposal(deps, db, as(spec.assignee), proposal.id);
  await customerDecision(deps, db, as(spec.assignee), proposal.id, 'customer-accept');
  const amounts = spec.instalments.map((i) => Math.round(total * i.share));
  amounts[amounts.length - 1] = total - amounts.slice(0, -1).reduce((s, a) => s + a, 0);
  const contract = await createContract(deps, db, as(spec.assignee), {
    proposalId: proposal.id,
    title: spec.title,
    partyA: customer.name,
    partyB: '运营示范科技有限公司',
    amountFen: total,
    startDate: k.day(spec.start),
    endDate: k.day(spec.end),
    instalments: spec.instalments.map((i, n) => ({ name: i.name, amountFen: amounts[n]!, dueDate: k.day(i.due) })),
    terms: '甲方按付款计划支付；乙方按里程碑交付并提供三个月免费支持；双方对项目资料保密。',
  });
  const signed = await signContract(deps, db, as('manager'), contract.id, k.day(spec.start - 5));
  return signed.projectId!;
}
