import { addDays } from '@domain/appraisal/period.rules.js';
import { previousMonths } from '@domain/appraisal/results.rules.js';
import { localDate } from '@domain/settings/settings.rules.js';
import type { Deps } from '../../platform/context.js';
import type { DemoKit } from '../../platform/demo-kit.js';
import { salesModule } from '../sales/index.js';
import { openCycle } from './cycle-open.js';
import { loadAppraisal } from './appraisals.read.js';
import { acknowledgeOrDispute, submitFeedback, submitSelf, submitSupervisor } from './appraisal-steps.service.js';
import { calibrate, closeCycle, finalizeAll } from './appraisal-finalize.service.js';
import { submitPeerReview } from './peer-reviews.service.js';
import { createCustomerLink, submitCustomerReview } from './customer-reviews.service.js';
import { decideResult } from './results.service.js';
import { saveKpiGrid } from './kpi.service.js';
import { saveAttendanceGrid } from './attendance.service.js';

type Scores = Record<string, number>;
const STAFF = ['manager', 'deputy', 'pm', 'specialist', 'specialist2'] as const;
type Staff = (typeof STAFF)[number];
const SUPERVISOR: Record<Staff, string> = { manager: 'leader', deputy: 'manager', pm: 'deputy', specialist: 'pm', specialist2: 'deputy' };

/** How each person rates and is rated, per item: a believable spread, not uniform numbers. */
const SELF: Record<Staff, number> = { manager: 86, deputy: 84, pm: 85, specialist: 88, specialist2: 78 };
const BY_SUPERVISOR: Record<Staff, number> = { manager: 87, deputy: 81, pm: 90, specialist: 94, specialist2: 46 };
const TILT: Scores = { knowledge: 2, communication: 1, learning: -1, problemSolving: 0, responsibility: 3, teamwork: 2, initiative: -2 };

const FEEDBACK: Record<Staff, { strengths: string; problems: string; improvementPlan: string }> = {
  manager: { strengths: '部门目标分解清晰，重点客户亲自跟进', problems: '跨部门协调会议纪要落实不够及时', improvementPlan: '协调会议决议纳入行动项，每周复盘' },
  deputy: { strengths: '华东区域客户关系稳固，带教新人耐心', problems: '分管项目的风险上报偏晚', improvementPlan: '每周一汇总分管项目风险，重大问题当天上报' },
  pm: { strengths: '项目计划细致，里程碑基本按期', problems: '成本台账更新不及时', improvementPlan: '费用发生后三日内入账，月末核对预算' },
  specialist: { strengths: '客户沟通主动，方案文档质量高', problems: '回款跟进节奏偏慢', improvementPlan: '建立应收跟进表，每周跟进一次' },
  specialist2: { strengths: '华南新客户开拓积极', problems: '需求分析不够深入，方案返工两次', improvementPlan: '需求访谈使用标准提纲，提交前请副经理复核' },
};

function itemsOf(keys: string[], objective: Record<string, { score: number | null }>, base: number, keepComputed: boolean) {
  return Object.fromEntries(
    keys.map((k) => {
      const computed = objective[k]?.score ?? null;
      const kept = keepComputed && computed !== null;
      const score = kept ? computed : Math.min(100, Math.max(0, base + (TILT[k] ?? 0)));
      // A judged extreme needs its comment (setting); a computed score speaks through its evidence.
      const comment = !kept && (score < 60 || score > 95) ? (score < 60 ? '本期该项多次未达要求，具体事例见综合评语' : '本期该项表现突出，获客户书面表扬') : undefined;
      return [k, { score, ...(comment ? { comment } : {}) }];
    }),
  );
}

/**
 * Appraisal demo [4]: last month's cycle finished and closed (results with decisions), this
 * month's cycle under way with some steps late, and this year's annual cycle in its peer and
 * customer review round — all made through the real services on a moving clock.
 */
export async function seedAppraisal(kit: DemoKit): Promise<number> {
  if (await kit.db.selectFrom('appraisal_cycles').select('id').limit(1).executeTakeFirst()) return 0;
  const users = new Set((await kit.db.selectFrom('users').select('username').execute()).map((u) => u.username));
  if (!STAFF.every((s) => users.has(s)) || !users.has('hr')) return 0;
  let clock = new Date();
  // The same dependencies on a clock this demo moves through last month and this one.
  const deps: Deps = { ...kit.deps, now: () => clock };
  const { db, as } = kit;
  const at = (date: string, hour = 10) => (clock = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00`));
  const idOf = (u: string) => kit.userId(u);

  const today = localDate(new Date());
  const month = today.slice(0, 7);
  const [lastMonth] = previousMonths(month, 1) as [string];
  const year = today.slice(0, 4);

  // Targets and attendance the objective items read.
  at(`${lastMonth}-02`);
  // Last month had no sales targets yet (they were set with this month's plan): its sales item shows "no data".
  const targets = (period: string, scale: number, sales = true) =>
    STAFF.map((s, i) => ({ userId: idOf(s), period, ...(sales ? { salesTargetFen: Math.round((s === 'manager' ? 150_000_000 : s === 'deputy' ? 90_000_000 : 40_000_000) * scale) } : {}), profitTargetFen: Math.round(8_000_000 * scale), profitActualFen: Math.round((6_500_000 + i * 700_000) * scale), marketShareTargetPct: 12, marketShareActualPct: 10.5 + i * 0.5 }));
  await saveKpiGrid(deps, db, as('manager'), [...targets(lastMonth, 1, false), ...targets(month, 1), ...targets(year, 12)]);
  const attendance = (m: string) => STAFF.map((s, i) => ({ userId: idOf(s), month: m, lateCount: [0, 1, 0, 2, 4][i]!, absentDays: s === 'specialist2' ? 0.5 : 0, leaveDays: [0, 1, 0, 0.5, 2][i]! }));
  await saveAttendanceGrid(deps, db, as('hr'), [...attendance(lastMonth), ...attendance(month)]);

  const run = async (cycleId: number, who: Staff, step: 'self' | 'supervisor' | 'feedback' | 'ack' | 'dispute') => {
    const row = await db.selectFrom('appraisals').select('id').where('cycle_id', '=', cycleId).where('employee_id', '=', idOf(who)).executeTakeFirstOrThrow();
    const detail = await loadAppraisal(db, as('hr'), row.id);
    const template = await db.selectFrom('appraisal_templates').select('content_json').where('id', '=', detail.template_id).executeTakeFirstOrThrow();
    const keys = (JSON.parse(template.content_json) as { dimensions: { items: { key: string }[] }[] }).dimensions.flatMap((d) => d.items.map((i) => i.key));
    const objective = JSON.parse(detail.objective_json) as Record<string, { score: number | null }>;
    if (step === 'self') return submitSelf(deps, db, as(who), row.id, { items: itemsOf(keys, objective, SELF[who], false), summary: '本期按计划完成主要工作，具体见各项说明。' });
    if (step === 'supervisor') {
      // Annual: two colleagues from outside the employee's reporting line review them.
      const peers = detail.cycle_type === 'annual' ? { peerReviewerIds: [idOf(who === 'specialist2' ? 'specialist' : 'specialist2'), idOf('marketing')] } : {};
      return submitSupervisor(deps, db, as(SUPERVISOR[who]), row.id, { items: itemsOf(keys, objective, BY_SUPERVISOR[who], true), comment: '综合本期工作表现与客观数据评定。', ...peers });
    }
    if (step === 'feedback') return submitFeedback(deps, db, as(SUPERVISOR[who]), row.id, { meetingDate: localDate(clock), ...FEEDBACK[who] });
    if (step === 'ack') return acknowledgeOrDispute(deps, db, as(who), row.id, 'acknowledge', { comment: '认可评价结果，按改进计划执行' });
    return acknowledgeOrDispute(deps, db, as(who), row.id, 'dispute', { comment: '需求返工有客户变更原因，申请复核' });
  };

  // Last month: done, calibrated, finalized, closed; results decided.
  at(addDays(`${month}-01`, -3));
  const closedId = await openCycle(deps, db, as('hr'), { type: 'monthly', period: lastMonth });
  for (const s of STAFF) await run(closedId, s, 'self');
  at(addDays(`${month}-01`, -1));
  for (const s of STAFF) await run(closedId, s, 'supervisor');
  at(`${month}-02`);
  for (const s of STAFF) await run(closedId, s, 'feedback');
  at(`${month}-03`);
  for (const s of STAFF) await run(closedId, s, s === 'specialist2' ? 'dispute' : 'ack');
  at(`${month}-05`);
  const disputed = await db.selectFrom('appraisals').select('id').where('cycle_id', '=', closedId).where('employee_id', '=', idOf('specialist2')).executeTakeFirstOrThrow();
  await calibrate(deps, db, as('hr'), disputed.id, { finalScore: 62, reason: '核实需求变更由客户提出，返工不全归因于本人，上调至 C 档' });
  await finalizeAll(deps, db, as('hr'), closedId);
  await closeCycle(deps, db, as('hr'), closedId);
  const results = await db.selectFrom('appraisal_results').select(['id', 'kind', 'employee_id']).where('cycle_id', '=', closedId).orderBy('id').execute();
  for (const r of results.slice(0, 3)) await decideResult(deps, db, as(r.employee_id === idOf('manager') ? 'hr' : 'manager'), r.id, { decision: 'accepted', note: '按系数发放' });

  // This month: opened five days ago; some have moved on, some are late.
  const opened = addDays(today, -5) < `${month}-01` ? `${month}-01` : addDays(today, -5);
  at(opened, 9);
  const openId = await openCycle(deps, db, as('hr'), { type: 'monthly', period: month });
  at(addDays(opened, 1));
  await run(openId, 'specialist', 'self');
  await run(openId, 'specialist2', 'self');
  await run(openId, 'deputy', 'self');
  at(addDays(opened, 2));
  await run(openId, 'specialist', 'supervisor');

  // This year's annual cycle, in its review round for the specialist.
  at(addDays(today, -3), 9);
  const annualId = await openCycle(deps, db, as('hr'), { type: 'annual', period: year });
  at(addDays(today, -2));
  await run(annualId, 'specialist', 'self');
  await run(annualId, 'pm', 'self');
  at(addDays(today, -1));
  await run(annualId, 'specialist', 'supervisor');
  const peer = await db
    .selectFrom('peer_reviews as p')
    .innerJoin('appraisals as a', 'a.id', 'p.appraisal_id')
    .select('p.id')
    .where('a.cycle_id', '=', annualId)
    .where('p.reviewer_id', '=', idOf('specialist2'))
    .executeTakeFirstOrThrow();
  await submitPeerReview(deps, db, as('specialist2'), peer.id, { teamwork: 90, communication: 86, comment: '项目协作中主动分享客户资料' });
  const specialistAnnual = await db.selectFrom('appraisals').select('id').where('cycle_id', '=', annualId).where('employee_id', '=', idOf('specialist')).executeTakeFirstOrThrow();
  const [customer] = await salesModule.queries.customersOwnedBy(db, idOf('specialist'), 1);
  const link = await createCustomerLink(deps, db, as('pm'), specialistAnnual.id, { reviewerName: '陈建华（运营总监）', customerId: customer?.id });
  clock = new Date();
  await submitCustomerReview(deps, db, link.token, { ratings: { serviceQuality: 5, responsiveness: 4, professionalism: 5, overall: 5 }, comment: '响应及时，方案贴合我们的实际情况。' }, null);
  await createCustomerLink(deps, db, as('pm'), specialistAnnual.id, { reviewerName: '林晓（CIO）' });
  return 3;
}
