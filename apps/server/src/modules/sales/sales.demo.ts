import { withUsccCheck } from '@domain/sales/uscc.rules.js';
import type { DemoKit } from '../../platform/demo-kit.js';
import { createCustomer } from './customers.service.js';
import { assignLead, evaluateLead, registerLead, submitNeedsAnalysis } from './leads.service.js';
import { addNegotiation, createProposal, customerDecision, reviewProposal, sendProposal, submitProposal } from './proposals.service.js';
import { createContract, signContract } from './contracts.service.js';

const CUSTOMERS = [
  { name: '上海浦江精密制造有限公司', industry: 'manufacturing', region: '华东', size: 'large', code: '91310115MA1H00001', contact: '陈建华', title: '运营总监' },
  { name: '杭州云帆信息技术有限公司', industry: 'it', region: '华东', size: 'medium', code: '91330106MA2B00002', contact: '林晓', title: 'CIO' },
  { name: '苏州工业园区能源服务有限公司', industry: 'energy', region: '华东', size: 'large', code: '91320594MA1M00003', contact: '赵志强', title: '副总经理' },
  { name: '南京金陵医疗器械有限公司', industry: 'healthcare', region: '华东', size: 'medium', code: '91320100MA1X00004', contact: '孙梅', title: '采购经理' },
  { name: '广州南粤物流集团有限公司', industry: 'logistics', region: '华南', size: 'enterprise', code: '91440101MA5C00005', contact: '黄伟', title: '信息中心主任' },
  { name: '深圳前海智造科技有限公司', industry: 'manufacturing', region: '华南', size: 'medium', code: '91440300MA5F00006', contact: '郑丽', title: '总经理助理' },
  { name: '佛山顺德家电零售有限公司', industry: 'retail', region: '华南', size: 'small', code: '91440606MA4W00007', contact: '何军', title: '店长' },
  { name: '宁波港航数字科技有限公司', industry: 'logistics', region: '华东', size: 'medium', code: '91330201MA2H00008', contact: '吴涛', title: '项目总监' },
] as const;

const NEEDS = {
  background: '客户正推进年度数字化转型，希望统一业务流程和数据口径',
  requirements: [
    { item: '线索到合同全流程线上化', priority: 'must' as const },
    { item: '管理层经营看板', priority: 'should' as const },
    { item: '移动端审批', priority: 'could' as const },
  ],
  expectations: '一季度上线试点，半年内全面推广',
  constraints: '需与现有 ERP 对接；预算分两期',
  budgetMinFen: 20_000_000,
  budgetMaxFen: 60_000_000,
  decisionMakers: '总经理、信息中心主任',
  timeline: '2026 年 12 月启动，2027 年 3 月试点验收',
};

function content(title: string, consultingFen: number) {
  return {
    title,
    goals: '梳理业务流程，建立统一的经营数据口径，交付效率提升 20%',
    workContent: '1. 现状调研与访谈\n2. 目标流程设计\n3. 系统配置与试点实施\n4. 培训与推广',
    milestones: [
      { name: '现状调研', start: '2026-12-01', end: '2026-12-31', deliverable: '调研报告' },
      { name: '方案设计', start: '2027-01-04', end: '2027-01-29', deliverable: '流程设计说明书' },
      { name: '试点实施', start: '2027-02-01', end: '2027-03-31', deliverable: '试点验收报告' },
    ],
    budgetLines: [
      { item: '咨询服务（人天）', amountFen: consultingFen },
      { item: '差旅及会务', amountFen: Math.round(consultingFen * 0.08) },
    ],
    assumptions: '客户指定专职对接人，按期提供资料',
  };
}

/**
 * Leads, proposals and contracts in every state, made through the real services so notifications,
 * approvals, audit entries and projects are what users would have produced.
 */
export async function seedSales(kit: DemoKit): Promise<number> {
  const existing = await kit.db.selectFrom('leads').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const { deps, db, as } = kit;
  const customerIds: number[] = [];
  for (const [i, c] of CUSTOMERS.entries()) {
    const owner = c.region === '华南' ? 'specialist2' : i % 2 ? 'pm' : 'specialist';
    const created = await createCustomer(deps, db, as(owner), {
      name: c.name,
      uscc: withUsccCheck(c.code),
      industry: c.industry,
      region: c.region,
      size: c.size,
      source: i % 3 ? 'referral' : 'exhibition',
      address: `${c.region}某市高新区 ${i + 1} 号`,
      contacts: [{ name: c.contact, title: c.title, phone: `1380000${String(1000 + i)}`, isPrimary: true }],
    });
    customerIds.push(created.id);
  }
  const newCustomerOf = (i: number) => {
    const c = CUSTOMERS[i]!;
    return { name: c.name, uscc: withUsccCheck(c.code), industry: c.industry, region: c.region, size: c.size };
  };
  const register = (title: string, customerIndex: number, valueFen: number, urgency: 'low' | 'normal' | 'high' | 'urgent' = 'normal') =>
    // Marketing names the company (it sees none of the sellers' customers); the existing customer is matched by name and USCC.
    registerLead(deps, db, as('marketing'), { title, channel: customerIndex % 2 ? 'referral' : 'exhibition', referrer: customerIndex % 2 ? '老客户推荐' : '', newCustomer: newCustomerOf(customerIndex), contactName: CUSTOMERS[customerIndex]!.contact, needs: '希望建立统一的业务运营平台，覆盖线索、方案、合同与项目交付', expectedValueFen: valueFen, urgency });

  // registered, rejected, accepted, assigned, analyzed
  await register('智能工厂运营诊断', 0, 45_000_000, 'high');
  const rejected = await register('低价硬件代采', 6, 3_000_000, 'low');
  await evaluateLead(deps, db, as('manager'), rejected.id, { decision: 'reject', reason: '硬件代采不属于本部门业务范围' });
  const accepted = await register('仓储可视化咨询', 4, 28_000_000);
  await evaluateLead(deps, db, as('manager'), accepted.id, { decision: 'accept', reason: '符合物流行业拓展方向' });
  const assigned = await register('门店经营分析', 6, 8_000_000);
  await evaluateLead(deps, db, as('manager'), assigned.id, { decision: 'accept' });
  await assignLead(deps, db, as('manager'), assigned.id, { assigneeId: kit.userId('specialist2') });
  const analyzed = await register('医疗器械渠道管理优化', 3, 22_000_000, 'urgent');
  await evaluateLead(deps, db, as('manager'), analyzed.id, { decision: 'accept' });
  await assignLead(deps, db, as('manager'), analyzed.id, { assigneeId: kit.userId('specialist') });
  await submitNeedsAnalysis(deps, db, as('specialist'), analyzed.id, NEEDS);

  // converted leads with proposals in draft, in_review, returned, approved, sent, declined, accepted (+ contracts)
  const converted = async (title: string, customerIndex: number, assignee: string, consultingFen: number) => {
    const lead = await register(title, customerIndex, consultingFen);
    await evaluateLead(deps, db, as('manager'), lead.id, { decision: 'accept' });
    await assignLead(deps, db, as('manager'), lead.id, { assigneeId: kit.userId(assignee) });
    await submitNeedsAnalysis(deps, db, as(assignee), lead.id, NEEDS);
    return createProposal(deps, db, as(assignee), { leadId: lead.id, ...content(`${title}方案`, consultingFen) });
  };
  await converted('能源数据中台规划', 2, 'specialist', 36_000_000);
  const review = await converted('港航业务协同平台', 7, 'pm', 40_000_000);
  await submitProposal(deps, db, as('pm'), review.id);
  const returned = await converted('云服务交付流程再造', 1, 'specialist', 25_000_000);
  await submitProposal(deps, db, as('specialist'), returned.id);
  await reviewProposal(deps, db, as('manager'), returned.id, 'return', '里程碑过于紧凑，请补充风险预案并细化人天测算');
  const approved = await converted('智造车间精益运营', 5, 'specialist2', 30_000_000);
  await submitProposal(deps, db, as('specialist2'), approved.id);
  await reviewProposal(deps, db, as('manager'), approved.id, 'approve', '同意');
  const sent = await converted('物流网络运营优化', 4, 'specialist2', 33_000_000);
  await submitProposal(deps, db, as('specialist2'), sent.id);
  await reviewProposal(deps, db, as('manager'), sent.id, 'approve');
  await sendProposal(deps, db, as('specialist2'), sent.id);
  await addNegotiation(deps, db, as('specialist2'), sent.id, { date: '2026-11-18', participants: '客户信息中心黄伟、采购部；我方赵敏', points: '对实施周期和付款比例有异议', outcome: '约定下周提交调整后的付款计划' });
  const declined = await converted('门店会员运营咨询', 6, 'specialist2', 12_000_000);
  await submitProposal(deps, db, as('specialist2'), declined.id);
  await reviewProposal(deps, db, as('manager'), declined.id, 'approve');
  await sendProposal(deps, db, as('specialist2'), declined.id);
  await customerDecision(deps, db, as('specialist2'), declined.id, 'customer-decline', '客户年度预算冻结，明年再议');

  const won = async (title: string, customerIndex: number, assignee: string, consultingFen: number, sign: boolean) => {
    const p = await converted(title, customerIndex, assignee, consultingFen);
    await submitProposal(deps, db, as(assignee), p.id);
    const reviewed = await reviewProposal(deps, db, as('manager'), p.id, 'approve', '同意，注意回款节点');
    // Above the amount in the settings a company leader approves after the manager.
    if (reviewed.status === 'in_review') await reviewProposal(deps, db, as('leader'), p.id, 'approve', '同意');
    await sendProposal(deps, db, as(assignee), p.id);
    await customerDecision(deps, db, as(assignee), p.id, 'customer-accept');
    const total = p.totalFen;
    const contract = await createContract(deps, db, as(assignee), {
      proposalId: p.id,
      title: `${title}服务合同`,
      partyA: CUSTOMERS[customerIndex]!.name,
      partyB: '运营示范科技有限公司',
      amountFen: total,
      startDate: '2026-12-01',
      endDate: '2027-03-31',
      instalments: [
        { name: '合同签订后预付 30%', amountFen: Math.round(total * 0.3), dueDate: '2026-12-15' },
        { name: '方案设计完成付 40%', amountFen: Math.round(total * 0.4), dueDate: '2027-02-10' },
        { name: '试点验收后付尾款', amountFen: total - Math.round(total * 0.3) - Math.round(total * 0.4), dueDate: '2027-04-15' },
      ],
      terms: '甲方按付款计划支付；乙方按里程碑交付并提供三个月免费支持；双方对项目资料保密。',
    });
    if (sign) await signContract(deps, db, as('manager'), contract.id, '2026-11-20');
  };
  await won('精密制造运营管理咨询', 0, 'specialist', 42_000_000, true);
  await won('园区能源运营数字化', 2, 'pm', 55_000_000, true);
  await won('医疗器械营销体系搭建', 3, 'specialist', 26_000_000, false);
  return CUSTOMERS.length + 20;
}
