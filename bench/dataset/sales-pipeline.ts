import type { Insertable } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { LEAD_CHANNELS, URGENCIES } from '../../packages/domain/src/sales/lead.schema.js';
import { PRIORITIES } from '../../packages/domain/src/sales/needs-analysis.schema.js';
import { formatContractNumber } from '../../packages/domain/src/sales/contract.schema.js';
import type { ProposalContent } from '../../packages/domain/src/sales/proposal.schema.js';
import { SETTING_DEFAULTS } from '../../packages/domain/src/settings/settings.defaults.js';
import { personName } from '../lib/chinese.js';
import type { Random } from '../lib/random.js';
import type { ApprovalWriter, Decision } from './approvals-kit.js';
import { Codes, DAY, HOUR, actor, dateOf, iso, pickAt, span, type People, type User } from './dataset-people.js';
import type { CustomerPlan } from './sales.js';
import {
  ASSUMPTIONS, BUDGET_ITEMS, CONTRACT_TERMS, DECLINE_REASONS, DELIVERABLES, MILESTONE_NAMES, OUR_COMPANY, REJECT_REASONS, RETURN_COMMENTS,
  goalsText, needsText, projectKind, workContentText,
} from './sales-text.js';
import type { DatasetContext } from './types.js';

const LEADER_ABOVE_FEN = SETTING_DEFAULTS['sales.proposal.leaderApprovalAboveFen'].default;
const CONTRACT_FORMAT = SETTING_DEFAULTS['sales.contract.numberFormat'].default;
const URGENCY_WEIGHTS = URGENCIES.map((u) => [u, { low: 2, normal: 6, high: 2, urgent: 1 }[u]] as const);
const FIRST_CHANNEL: Record<string, (typeof LEAD_CHANNELS)[number]> = { marketing: 'marketing_campaign', exhibition: 'exhibition', website: 'website', referral: 'referral', partner: 'partner', cold_call: 'cold_call', existing: 'existing_customer', other: 'other' };

export type PlannedLead = { id: number; customer: CustomerPlan };
type AuditDays = { leads: number; proposals: number; contracts: number };

const yuan = (fen: number) => Math.round(fen / 10_000) * 10_000;

function proposalContent(rng: Random, title: string, kind: string, created: number, valueFen: number): ProposalContent {
  const n = rng.int(3, 5);
  const names = n === 5 ? MILESTONE_NAMES : [...MILESTONE_NAMES.slice(0, n - 1), MILESTONE_NAMES[4]!];
  const deliverables = n === 5 ? DELIVERABLES : [...DELIVERABLES.slice(0, n - 1), DELIVERABLES[4]!];
  let t = created + rng.int(40, 75) * DAY;
  const milestones = names.map((name, i) => {
    const start = t;
    const end = start + rng.int(15, 60) * DAY;
    t = end + DAY;
    return { name, start: dateOf(start), end: dateOf(end), deliverable: deliverables[i]! };
  });
  const items = [BUDGET_ITEMS[0]!, ...BUDGET_ITEMS.slice(1).filter(() => rng.chance(0.5)).slice(0, rng.int(2, 4))];
  const total = Math.max(items.length * 1_000_000, yuan(valueFen * (0.7 + rng.next() * 0.5)));
  const weights = items.map((_, i) => (i === 0 ? 5 + rng.next() * 3 : 0.5 + rng.next()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const lines = items.map((item, i) => ({ item, amountFen: Math.max(1_000_000, yuan((total * weights[i]!) / sum)) }));
  return { title, goals: goalsText(rng, kind), workContent: workContentText(rng, kind), milestones, budgetLines: lines, assumptions: rng.pick(ASSUMPTIONS) };
}

/** A returned proposal revised: a cheaper budget, sometimes a later plan. */
function revise(rng: Random, c: ProposalContent): ProposalContent {
  const shift = rng.chance(0.5) ? rng.int(5, 20) * DAY : 0;
  const move = (d: string) => dateOf(Date.parse(d) + shift);
  return {
    ...c,
    milestones: c.milestones.map((m) => ({ ...m, start: move(m.start), end: move(m.end) })),
    budgetLines: c.budgetLines.map((l) => ({ ...l, amountFen: Math.max(1_000_000, yuan(l.amountFen * (0.85 + rng.next() * 0.1))) })),
    assumptions: `${c.assumptions}（已按评审意见调整）`,
  };
}

const totalOf = (c: ProposalContent) => c.budgetLines.reduce((s, l) => s + l.amountFen, 0);

function instalmentPlan(rng: Random, amount: number, start: number, end: number) {
  const plans = [
    [['预付款', 30], ['验收款', 70]],
    [['预付款', 30], ['中期款', 40], ['验收款', 30]],
    [['预付款', 30], ['中期款', 40], ['验收款', 25], ['质保金', 5]],
  ] as const;
  const plan = rng.pick(plans);
  let left = amount;
  return plan.map(([name, pct], i) => {
    const last = i === plan.length - 1;
    const fen = last ? left : Math.round((amount * pct) / 100 / 100) * 100;
    left -= fen;
    const due = name === '预付款' ? start + rng.int(7, 20) * DAY : name === '质保金' ? end + 365 * DAY : name === '验收款' ? end + rng.int(15, 45) * DAY : start + (end - start) / 2;
    return { name, amountFen: fen, dueDate: dateOf(due) };
  });
}

/** Leads through evaluation, assignment and analysis; proposals through review and the customer; contracts to signing. */
export function planPipeline(ctx: DatasetContext, people: People, customers: CustomerPlan[], nLeads: number, codes: Codes, approvals: ApprovalWriter, auditDays: AuditDays) {
  const { rng } = ctx;
  const now = ctx.now.getTime();
  const recent = (t: number, days: number) => now - t <= days * DAY;
  const leads: Insertable<DB['leads']>[] = [];
  const analyses: Insertable<DB['needs_analyses']>[] = [];
  const proposals: Insertable<DB['proposals']>[] = [];
  const versions: Insertable<DB['proposal_versions']>[] = [];
  const negotiations: Insertable<DB['negotiations']>[] = [];
  const contracts: (Insertable<DB['contracts']> & { signAt?: number })[] = [];
  const instalments: Insertable<DB['contract_instalments']>[] = [];

  // When each lead is registered: one with each new customer, the rest on existing customers (older ones have had more).
  const raw: { c: CustomerPlan; t: number; first: boolean }[] = customers.map((c) => ({ c, t: Math.min(c.createdAt + rng.int(1, 90) * 60_000, now - HOUR), first: true }));
  for (let i = customers.length; i < nLeads; i++) {
    const c = customers[rng.skewedIndex(customers.length, 1.25)]!;
    const lo = c.createdAt + DAY;
    const hi = now - HOUR;
    raw.push({ c, t: lo < hi ? lo + rng.next() * (hi - lo) : Math.min(c.createdAt + rng.int(2, 60) * 60_000, now - 60_000), first: false });
  }
  raw.sort((a, b) => a.t - b.t);

  const touch = (c: CustomerPlan, t: number) => {
    if (t > c.lastActivity) c.lastActivity = t;
  };
  const managerAt = (t: number) => pickAt(rng, people.managers, t);
  const leaders = people.leaders.length ? people.leaders : people.managers;

  raw.forEach(({ c, t, first }, i) => {
    const id = i + 1;
    const kind = projectKind(rng, c.industry);
    const title = `${c.short}${kind}项目`;
    const registrant = first ? c.createdBy : people.marketing.length && rng.chance(0.45) ? pickAt(rng, people.marketing, t) : pickAt(rng, people.byRegion.get(c.region) ?? people.business, t);
    const channel = first ? FIRST_CHANNEL[c.source]! : rng.chance(0.55) ? 'existing_customer' : rng.pick(LEAD_CHANNELS);
    const valueFen = yuan(Math.pow(10, 4.7 + Math.pow(rng.next(), 1.4) * 1.9) * 100);
    const at = iso(t);
    const audit = recent(t, auditDays.leads);
    const row: Insertable<DB['leads']> = {
      id,
      code: codes.code('L', t, 5),
      status: 'registered',
      title,
      channel,
      referrer: channel === 'referral' || channel === 'partner' ? (rng.chance(0.5) ? personName(rng).name : `${rng.pick(customers).short}（合作伙伴）`) : '',
      registered_by: registrant.id,
      registered_department_id: registrant.departmentId,
      customer_id: c.id,
      contact_name: c.contact.name,
      contact_phone: c.contact.phone,
      needs: `${c.name}${needsText(rng, rng.int(2, 4))}`,
      expected_value_fen: valueFen,
      urgency: rng.weighted(URGENCY_WEIGHTS),
      evaluation_reason: null,
      evaluated_by: null,
      evaluated_at: null,
      assignee_id: null,
      assigned_at: null,
      analyzed_at: null,
      converted_at: null,
      version: 1,
      created_at: at,
      created_by: registrant.id,
      updated_at: at,
    };
    leads.push(row);
    touch(c, t);
    if (audit) ctx.audit.push({ at, actor: actor(registrant), ip: null, action: 'create', entity: 'lead', entityId: id, after: { id, code: row.code, status: 'registered', title, channel, customerId: c.id, customerName: c.name, expectedValueFen: valueFen, urgency: row.urgency } });
    const step = (when: number, values: Partial<Insertable<DB['leads']>>, by: User, action: string, before: object, after: object) => {
      Object.assign(row, values, { version: (row.version ?? 1) + 1, updated_at: iso(when) });
      if (audit) ctx.audit.push({ at: iso(when), actor: actor(by), ip: null, action, entity: 'lead', entityId: id, before, after });
    };
    const managers = people.managers;
    for (const m of managers) approvals.note(m.id, 'lead.awaiting_evaluation', { title, actor: registrant.name }, 'lead', id, `/leads/${id}`, at, 0.6);

    // [3.1.2] evaluation by the manager.
    const tEval = t + span(rng, 0.05, 5);
    if (tEval > now) return;
    const evaluator = managerAt(tEval);
    if (rng.chance(0.4)) {
      const reason = rng.pick(REJECT_REASONS);
      step(tEval, { status: 'rejected', evaluation_reason: reason, evaluated_by: evaluator.id, evaluated_at: iso(tEval) }, evaluator, 'transition:evaluate', { status: 'registered' }, { status: 'rejected', reason });
      return;
    }
    step(tEval, { status: 'accepted', evaluated_by: evaluator.id, evaluated_at: iso(tEval) }, evaluator, 'transition:evaluate', { status: 'registered' }, { status: 'accepted', reason: null });
    // [3.1.3] assignment to a pm or specialist of the customer's region.
    const tAssign = tEval + span(rng, 0.02, 3);
    if (tAssign > now || rng.chance(0.03)) return;
    const assignee = pickAt(rng, people.byRegion.get(c.region) ?? people.business, tAssign);
    step(tAssign, { status: 'assigned', assignee_id: assignee.id, assigned_at: iso(tAssign) }, evaluator, 'transition:assign', { status: 'accepted', assigneeId: null }, { status: 'assigned', assigneeId: assignee.id });
    approvals.note(assignee.id, 'lead.assigned', { title, actor: evaluator.name }, 'lead', id, `/leads/${id}`, iso(tAssign), 0.9);
    touch(c, tAssign);
    if (c.owner === null || rng.chance(0.3)) c.owner = assignee.id;
    // Needs analysis report, sometimes revised.
    let tAnalyze = tAssign + span(rng, 2, 20, 1.2);
    if (tAnalyze > now || rng.chance(0.15)) return;
    const budgetMin = yuan(valueFen * 0.7);
    for (let v = 1; v <= (rng.chance(0.2) ? 2 : 1) && tAnalyze <= now; v++) {
      const content = {
        background: `${c.name}${needsText(rng, 2)}`,
        requirements: Array.from({ length: rng.int(3, 6) }, (_, k) => ({ item: `${kind}：${['流程梳理', '数据对接', '报表分析', '移动端支持', '权限与审计', '性能与安全', '运维支持'][k]!}`, priority: rng.pick(PRIORITIES) })),
        expectations: '系统稳定易用，按期上线，并提供完善的培训。',
        constraints: rng.pick(['须在现有机房部署', '须符合等保三级要求', '预算须在年度计划内', '上线时间不晚于年底']),
        budgetMinFen: budgetMin,
        budgetMaxFen: yuan(valueFen * 1.3),
        decisionMakers: `${c.contact.name || '客户负责人'}（${rng.pick(['总经理', '信息中心主任', '分管副总'])}）`,
        timeline: `计划 ${new Date(tAnalyze + 90 * DAY).getUTCFullYear()} 年第 ${Math.floor(new Date(tAnalyze + 90 * DAY).getUTCMonth() / 3) + 1} 季度上线`,
      };
      analyses.push({ id: analyses.length + 1, lead_id: id, version_no: v, content_json: JSON.stringify(content), author_id: assignee.id, created_at: iso(tAnalyze) });
      step(tAnalyze, { status: 'analyzed', analyzed_at: iso(tAnalyze) }, assignee, 'transition:analyze', { status: row.status }, { status: 'analyzed', needsAnalysisVersion: v });
      touch(c, tAnalyze);
      if (v === 1) tAnalyze += span(rng, 1, 10);
    }
    // [3.1.4] a proposal drafted from the analysed lead converts it.
    const created = Date.parse(row.analyzed_at!) + span(rng, 1, 15);
    if (created > now || rng.chance(0.42)) return;
    const proposalId = proposals.length + 1;
    const recentProposal = recent(created, auditDays.proposals);
    step(created, { status: 'converted', converted_at: iso(created) }, assignee, 'transition:convert', { status: 'analyzed' }, { status: 'converted', proposalId });
    planProposal(proposalId, created, assignee, row, c, kind, valueFen, recentProposal);
  });

  function planProposal(id: number, created: number, author: User, lead: Insertable<DB['leads']>, c: CustomerPlan, kind: string, valueFen: number, audit: boolean) {
    const title = `${c.short}${kind}项目实施方案`;
    let content = proposalContent(rng, title, kind, created, valueFen);
    const row: Insertable<DB['proposals']> = {
      id,
      code: codes.code('P', created, 5),
      status: 'draft',
      lead_id: lead.id!,
      customer_id: c.id,
      author_id: author.id,
      version_no: 1,
      title,
      content_json: JSON.stringify(content),
      total_fen: totalOf(content),
      decline_reason: null,
      sent_at: null,
      decided_at: null,
      version: 1,
      created_at: iso(created),
      created_by: author.id,
      updated_at: iso(created),
    };
    proposals.push(row);
    touch(c, created);
    const log = (when: number, by: User, action: string, before: object, after: object) => {
      row.updated_at = iso(when);
      if (audit) ctx.audit.push({ at: iso(when), actor: actor(by), ip: null, action, entity: 'proposal', entityId: id, before, after });
    };
    if (audit) ctx.audit.push({ at: iso(created), actor: actor(author), ip: null, action: 'create', entity: 'proposal', entityId: id, after: { id, code: row.code, status: 'draft', leadId: lead.id, customerId: c.id, authorId: author.id, title, totalFen: row.total_fen } });

    let ts = created + span(rng, 0.2, 6);
    if (ts > now || rng.chance(0.04)) return;
    let approvedAt: number | null = null;
    for (let submission = 1; ; submission++) {
      row.version_no = submission;
      row.status = 'in_review';
      row.version = (row.version ?? 1) + 1;
      const json = JSON.stringify(content);
      row.content_json = json;
      row.total_fen = totalOf(content);
      log(ts, author, 'transition:submit', { status: submission === 1 ? 'draft' : 'returned' }, { status: 'in_review', versionNo: submission });
      const total = totalOf(content);
      const steps = [people.managers.map(actor), ...(total > LEADER_ABOVE_FEN ? [leaders.map(actor)] : [])];
      const decisions: Decision[] = [];
      let d = ts;
      let returned = false;
      for (let s = 1; s <= steps.length; s++) {
        d += span(rng, 0.03, s === 1 ? 3 : 2);
        if (d > now) break;
        const by = s === 1 ? managerAt(d) : pickAt(rng, leaders, d);
        returned = rng.chance(s === 1 ? (submission === 1 ? 0.15 : 0.06) : 0.04);
        decisions.push({ step: s, by: actor(by), at: iso(d), decision: returned ? 'returned' : 'approved', comment: returned ? rng.pick(RETURN_COMMENTS) : rng.chance(0.3) ? '同意' : null });
        if (returned) break;
      }
      const result = approvals.add({ entity: 'proposal', entityId: id, title, amountFen: total, submitter: actor(author), at: iso(ts), steps, decisions, link: `/proposals/${id}` }, audit);
      const last = decisions[decisions.length - 1];
      versions.push({
        id: versions.length + 1,
        proposal_id: id,
        version_no: submission,
        content_json: json,
        total_fen: total,
        submitted_at: iso(ts),
        submitted_by: author.id,
        decision: result.status === 'pending' ? null : result.status,
        decided_by: result.status === 'pending' ? null : last!.by.id,
        comment: result.status === 'pending' ? null : last!.comment,
        decided_at: result.status === 'pending' ? null : last!.at,
      });
      if (result.status === 'pending') return;
      const decidedAt = Date.parse(last!.at);
      const decider = people.byId.get(last!.by.id)!;
      row.decided_at = last!.at;
      row.version = (row.version ?? 1) + 1;
      row.status = result.status;
      log(decidedAt, decider, `transition:${returned ? 'return' : 'approve'}`, { status: 'in_review' }, { outcome: result.status, comment: last!.comment });
      approvals.note(author.id, returned ? 'proposal.returned' : 'proposal.approved', { title, actor: decider.name }, 'proposal', id, `/proposals/${id}`, last!.at, 0.9);
      if (!returned) {
        approvedAt = decidedAt;
        break;
      }
      // Revised and resubmitted.
      const tEdit = decidedAt + span(rng, 0.3, 5);
      if (tEdit > now || submission >= 3) return;
      const before = content;
      content = revise(rng, content);
      row.content_json = JSON.stringify(content);
      row.total_fen = totalOf(content);
      row.version = (row.version ?? 1) + 1;
      log(tEdit, author, 'update', { content: { totalFen: totalOf(before) } }, { content: { totalFen: totalOf(content) } });
      ts = tEdit + span(rng, 0.02, 1);
      if (ts > now) return;
    }
    // [3.1.5] sent to the customer, negotiated; [3.1.6] accepted or declined.
    const tSend = approvedAt! + span(rng, 0.2, 5);
    if (tSend > now || rng.chance(0.03)) return;
    row.status = 'sent';
    row.sent_at = iso(tSend);
    row.version = (row.version ?? 1) + 1;
    log(tSend, author, 'transition:send', { status: 'approved' }, { status: 'sent', sent_at: iso(tSend) });
    touch(c, tSend);
    const tDecide = tSend + span(rng, 5, 45, 1.2);
    const outcome = rng.weighted([['accept', 50], ['decline', 32], ['stale', 18]] as const);
    const rounds = rng.int(0, 3);
    const until = Math.min(tDecide, now);
    for (let k = 1; k <= rounds; k++) {
      const tn = tSend + ((until - tSend) * k) / (rounds + 1);
      negotiations.push({ id: negotiations.length + 1, proposal_id: id, date: dateOf(tn), participants: `${c.contact.name || '客户代表'}、${author.name}${rng.chance(0.4) ? `、${people.managers[0]!.name}` : ''}`, points: rng.pick(['价格与付款方式', '实施范围与工期', '驻场人员安排', '维保期限与服务级别', '知识产权归属']), outcome: rng.pick(['双方基本达成一致', '客户要求再优惠 5%', '待客户内部审批', '调整里程碑安排后同意']), created_by: author.id, created_at: iso(tn) });
      touch(c, tn);
    }
    if (outcome === 'stale' || tDecide > now) return;
    row.status = outcome === 'accept' ? 'accepted' : 'declined';
    row.version = (row.version ?? 1) + 1;
    if (outcome === 'decline') row.decline_reason = rng.pick(DECLINE_REASONS);
    log(tDecide, author, `transition:customer-${outcome}`, { status: 'sent' }, { status: row.status, ...(row.decline_reason ? { decline_reason: row.decline_reason } : {}) });
    touch(c, tDecide);
    if (outcome === 'accept') planContract(row, content, tDecide, author, c);
  }

  function planContract(p: Insertable<DB['proposals']>, content: ProposalContent, accepted: number, owner: User, c: CustomerPlan) {
    const created = accepted + span(rng, 0.5, 10);
    if (created > now) return;
    const id = contracts.length + 1;
    const audit = recent(created, auditDays.contracts);
    const { year, seq } = codes.next('contract', created);
    const amount = Math.max(10_000, yuan(Number(p.total_fen) * (1 - rng.next() * 0.08)));
    const start = Date.parse(content.milestones[0]!.start);
    const end = Date.parse(content.milestones[content.milestones.length - 1]!.end);
    const plan = instalmentPlan(rng, amount, start, end);
    const title = String(p.title).replace(/实施方案$/, '');
    const row: Insertable<DB['contracts']> & { signAt?: number } = {
      id,
      number: formatContractNumber(CONTRACT_FORMAT, year, seq),
      status: 'draft',
      title,
      proposal_id: p.id!,
      lead_id: p.lead_id,
      customer_id: c.id,
      owner_id: owner.id,
      party_a: c.name,
      party_b: OUR_COMPANY,
      amount_fen: amount,
      signed_date: null,
      start_date: dateOf(start),
      end_date: dateOf(end),
      terms: CONTRACT_TERMS,
      project_id: null,
      version: 1,
      created_at: iso(created),
      created_by: owner.id,
      updated_at: iso(created),
    };
    contracts.push(row);
    plan.forEach((it, k) => instalments.push({ id: instalments.length + 1, contract_id: id, seq: k + 1, name: it.name, amount_fen: it.amountFen, due_date: it.dueDate }));
    if (audit) ctx.audit.push({ at: iso(created), actor: actor(owner), ip: null, action: 'create', entity: 'contract', entityId: id, after: { id, number: row.number, status: 'draft', title, proposalId: p.id, customerId: c.id, amountFen: amount, instalments: plan } });
    let t = created;
    if (rng.chance(0.3)) {
      t += span(rng, 0.05, 2);
      if (t > now) return;
      row.version = 2;
      row.updated_at = iso(t);
      if (audit) ctx.audit.push({ at: iso(t), actor: actor(owner), ip: null, action: 'update', entity: 'contract', entityId: id, before: { terms: '' }, after: { terms: CONTRACT_TERMS } });
    }
    if (rng.chance(0.02)) {
      const tt = t + span(rng, 3, 30);
      if (tt > now) return;
      const by = managerAt(tt);
      Object.assign(row, { status: 'terminated', version: (row.version ?? 1) + 1, updated_at: iso(tt) });
      if (audit) ctx.audit.push({ at: iso(tt), actor: actor(by), ip: null, action: 'transition:terminate', entity: 'contract', entityId: id, before: { status: 'draft' }, after: { status: 'terminated' } });
      return;
    }
    const tSign = t + span(rng, 1, 20);
    if (tSign > now) return;
    const by = managerAt(tSign);
    Object.assign(row, { status: 'active', signed_date: dateOf(tSign - rng.int(0, 2) * DAY), version: (row.version ?? 1) + 1, updated_at: iso(tSign), signAt: tSign, created_by: owner.id });
    touch(c, tSign);
    if (audit) ctx.audit.push({ at: iso(tSign), actor: actor(by), ip: null, action: 'transition:sign', entity: 'contract', entityId: id, before: { status: 'draft' }, after: { status: 'active', signedDate: row.signed_date } });
  }

  // Signing creates the project: project ids follow signing order (the delivery part creates them).
  const signed = contracts.filter((k) => k.signAt !== undefined).sort((a, b) => a.signAt! - b.signAt!);
  signed.forEach((k, i) => (k.project_id = i + 1));
  for (const k of contracts) delete k.signAt;
  return { leads, analyses, proposals, versions, negotiations, contracts: contracts as Insertable<DB['contracts']>[], instalments };
}
