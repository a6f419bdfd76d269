import type { DocumentCategory } from '@domain/delivery/documents.rules.js';
import type { ExpenseCategory } from '@domain/delivery/expense.schema.js';
import { periodOf } from '@domain/delivery/period.rules.js';
import type { DemoKit } from '../../platform/demo-kit.js';
import { salesModule, type WonSpec } from '../sales/index.js';
import { addMember } from './members.service.js';
import { createTask, updateTask } from './plan.service.js';
import { fileReport } from './progress.service.js';
import { createIssue, issueAction } from './issues.service.js';
import { createChange } from './changes.service.js';
import { approveExpense, claimExpense, payExpense, rejectExpense } from './expenses.service.js';
import { checkItems, listAcceptances } from './acceptance.service.js';
import { closeProject, reworkProject, settleProject, startProject, submitCustomerAcceptance, submitInternalAcceptance } from './project-transitions.js';
import { createInvoice, recordPayment } from './settlement.service.js';
import { createDocument } from './documents.service.js';
import { saveRetrospective } from './retrospective.service.js';

type TaskSpec = { m: number; name: string; owner: string; start: number; end: number; weight?: number; actualStart?: number; actualEnd?: number; progress?: number };

async function team(k: DemoKit, pid: number, pm: string, members: [string, string, string][]) {
  for (const [user, role, duty] of members) await addMember(k.deps, k.db, k.as(pm), pid, { userId: k.userId(user), projectRole: role, responsibilities: duty });
}

/** Tasks under the project's milestones, with the actual dates and progress they reached. */
async function plan(k: DemoKit, pid: number, pm: string, tasks: TaskSpec[]) {
  const milestones = await k.db.selectFrom('project_milestones').select('id').where('project_id', '=', pid).orderBy('seq').execute();
  for (const t of tasks) {
    await createTask(k.deps, k.db, k.as(pm), pid, {
      milestoneId: milestones[t.m]!.id,
      name: t.name,
      ownerId: k.userId(t.owner),
      plannedStart: k.day(t.start),
      plannedEnd: k.day(t.end),
      weight: t.weight ?? 1,
      dependsOn: [],
      note: '',
      ...(t.actualStart !== undefined && { actualStart: k.day(t.actualStart) }),
      ...(t.actualEnd !== undefined && { actualEnd: k.day(t.actualEnd) }),
      ...(t.progress !== undefined && { progress: t.progress }),
    });
  }
}

async function claim(k: DemoKit, pid: number, user: string, line: number, category: ExpenseCategory, amountFen: number, day: number, description: string) {
  const lines = await k.db.selectFrom('project_budget_lines').select('id').where('project_id', '=', pid).orderBy('seq').execute();
  const receipt = await k.file(user, `${description}-票据.pdf`);
  return (await claimExpense(k.deps, k.db, k.as(user), pid, { budgetLineId: lines[line]!.id, category, amountFen, expenseDate: k.day(day), description, attachmentIds: [receipt] })).id;
}

/** Through the PM (unless they claimed it) and the manager; finance pays on `paidDay` when given. */
async function approve(k: DemoKit, id: number, pm: string, claimant: string, paidDay?: number) {
  if (claimant !== pm) await approveExpense(k.deps, k.db, k.as(pm), id, { comment: '情况属实' });
  await approveExpense(k.deps, k.db, k.as('manager'), id, { confirmOverBudget: true });
  if (paidDay !== undefined) await payExpense(k.deps, k.db, k.as('finance'), id, { paidOn: k.day(paidDay) });
}

async function internalAcceptance(k: DemoKit, pid: number, pm: string, checker: string, failing: string | null) {
  await submitInternalAcceptance(k.deps, k.db, k.as(pm), pid);
  const round = (await listAcceptances(k.db, k.as(pm), pid)).items[0]!;
  const items = round.items.map((i, n) => (failing && n === 0 ? { id: i.id, result: 'fail' as const, note: failing } : { id: i.id, result: 'pass' as const, note: '' }));
  await checkItems(k.deps, k.db, k.as(checker), pid, round.id, { items });
}

async function docs(k: DemoKit, pid: number, user: string, list: [DocumentCategory, string][]) {
  for (const [category, title] of list) await createDocument(k.deps, k.db, k.as(user), pid, { category, title, attachmentId: await k.file(user, `${title}.pdf`), note: '' });
}

const ARCHIVE: [DocumentCategory, string][] = [
  ['contract', '服务合同（双方盖章）'],
  ['plan', '项目实施计划'],
  ['report', '项目周报汇编'],
  ['deliverable', '项目交付成果包'],
];

async function invoiceAndPay(k: DemoKit, pid: number, n: number, number: string, issued: number, paid: { day: number; share: number } | null) {
  const project = await k.db.selectFrom('projects').select('contract_id').where('id', '=', pid).executeTakeFirstOrThrow();
  const inst = (await salesModule.queries.contractInstalments(k.db, project.contract_id))[n]!;
  const inv = await createInvoice(k.deps, k.db, k.as('finance'), pid, { instalmentId: inst.id, number, amountFen: Number(inst.amount_fen), issuedDate: k.day(issued), note: inst.name });
  if (paid) await recordPayment(k.deps, k.db, k.as('finance'), pid, { invoiceId: inv.id, amountFen: Math.round(Number(inst.amount_fen) * paid.share), receivedDate: k.day(paid.day), note: '银行转账' });
}

const THREE_PAYMENTS = (a: number, b: number, c: number): WonSpec['instalments'] => [
  { name: '合同签订后预付 30%', share: 0.3, due: a },
  { name: '方案评审通过付 40%', share: 0.4, due: b },
  { name: '验收合格后付尾款 30%', share: 0.3, due: c },
];

/**
 * Projects in every state, made through the real services so approvals, notifications, audit
 * entries and figures are what users would have produced; dates are relative to today.
 */
export async function seedDelivery(k: DemoKit): Promise<number> {
  if (await k.db.selectFrom('project_members').select('id').limit(1).executeTakeFirst()) return 0;
  const { deps, db, as } = k;
  let made = 0;

  // Planning: the two contracts the sales demo signed get their teams and first tasks.
  const planning = await db.selectFrom('projects').select(['id', 'pm_id']).where('status', '=', 'planning').orderBy('id').execute();
  for (const p of planning) {
    const pm = p.pm_id === k.userId('pm') ? 'pm' : 'specialist';
    const other = pm === 'pm' ? 'specialist' : 'pm';
    await team(k, p.id, pm, [[other, pm === 'pm' ? '实施顾问' : '方案顾问', '负责现状调研与流程设计']]);
    made++;
    if (p.id !== planning[0]!.id) continue;
    const first = await db.selectFrom('project_milestones').select(['planned_start', 'planned_end']).where('project_id', '=', p.id).orderBy('seq').executeTakeFirstOrThrow();
    const offset = (d: string) => Math.round((Date.parse(d) - Date.parse(k.today)) / 86_400_000);
    await plan(k, p.id, pm, [
      { m: 0, name: '项目启动会与调研计划', owner: pm, start: offset(first.planned_start), end: offset(first.planned_start) + 4 },
      { m: 0, name: '关键岗位访谈', owner: other, start: offset(first.planned_start) + 5, end: offset(first.planned_end), weight: 2 },
    ]);
  }

  // Closed, fully paid: a smooth project with its lessons in the knowledge base.
  const port = await salesModule.demo.winProject(k, {
    title: '港航业务运营对标咨询',
    customer: '宁波港航数字科技有限公司',
    assignee: 'pm',
    start: -260,
    end: -80,
    milestones: [
      { name: '现状调研', start: -260, end: -230, deliverable: '现状调研报告' },
      { name: '对标分析', start: -229, end: -150, deliverable: '行业对标分析报告' },
      { name: '改进方案与落地辅导', start: -149, end: -80, deliverable: '运营改进方案、落地辅导记录' },
    ],
    budget: [
      { item: '咨询服务（人天）', amountFen: 36_000_000 },
      { item: '差旅及会务', amountFen: 2_400_000 },
    ],
    instalments: THREE_PAYMENTS(-250, -150, -70),
  });
  await team(k, port, 'pm', [['specialist', '业务分析师', '调研访谈、数据分析']]);
  await startProject(deps, db, as('pm'), port, { actualStart: k.day(-258) });
  await plan(k, port, 'pm', [
    { m: 0, name: '高层访谈与现状调研报告', owner: 'specialist', start: -260, end: -230, actualStart: -258, actualEnd: -229 },
    { m: 1, name: '对标企业走访与分析报告', owner: 'pm', start: -229, end: -150, weight: 2, actualStart: -228, actualEnd: -152 },
    { m: 2, name: '改进方案编制与落地辅导', owner: 'specialist', start: -149, end: -80, weight: 2, actualStart: -150, actualEnd: -82 },
  ]);
  await approve(k, await claim(k, port, 'specialist', 1, 'travel', 1_098_000, -170, '宁波现场调研及对标企业走访差旅'), 'pm', 'specialist', -160);
  await internalAcceptance(k, port, 'pm', 'specialist', null);
  await submitCustomerAcceptance(deps, db, as('pm'), port);
  await settleProject(deps, db, as('pm'), port, { acceptedDate: k.day(-78), signer: '吴涛', note: '交付成果符合合同约定', attachmentIds: [await k.file('pm', '港航对标咨询验收确认书.pdf')] });
  await invoiceAndPay(k, port, 0, 'FP20260101', -252, { day: -240, share: 1 });
  await invoiceAndPay(k, port, 1, 'FP20260215', -150, { day: -125, share: 1 });
  await invoiceAndPay(k, port, 2, 'FP20260520', -75, { day: -50, share: 1 });
  await docs(k, port, 'pm', ARCHIVE);
  await saveRetrospective(deps, db, as('pm'), port, {
    wentWell: '客户高层全程参与，每两周一次汇报会，决策快；对标企业选择贴近客户业务，报告说服力强。',
    wentWrong: '前期资料收集依赖客户多个部门，等待时间较长；对标企业走访排期两次调整。',
    lessons: '调研启动前应与客户确认资料清单和责任人并写入会议纪要；对标走访要提前一个月预约，并准备备选企业。',
    reusableAssets: '港航行业对标指标库、高层访谈提纲、运营改进方案模板',
  });
  await closeProject(deps, db, as('pm'), port, { actualEnd: k.day(-60) });
  made++;

  // Settlement: the customer signed off; one instalment overdue, the last not yet due.
  const logistics = await salesModule.demo.winProject(k, {
    title: '物流园区数字化运营',
    customer: '广州南粤物流集团有限公司',
    assignee: 'specialist2',
    start: -240,
    end: -60,
    milestones: [
      { name: '园区运营诊断', start: -240, end: -200, deliverable: '园区运营诊断报告' },
      { name: '数字化方案设计', start: -199, end: -130, deliverable: '数字化运营方案' },
      { name: '系统上线与运营辅导', start: -129, end: -60, deliverable: '上线报告、运营辅导记录' },
    ],
    budget: [
      { item: '咨询服务（人天）', amountFen: 42_000_000 },
      { item: '差旅', amountFen: 3_000_000 },
      { item: '系统配置外包', amountFen: 8_000_000 },
    ],
    instalments: THREE_PAYMENTS(-230, -120, -30),
  });
  await team(k, logistics, 'specialist2', [['specialist', '实施顾问', '系统配置与上线支持']]);
  await startProject(deps, db, as('specialist2'), logistics, { actualStart: k.day(-238) });
  await plan(k, logistics, 'specialist2', [
    { m: 0, name: '园区现场诊断', owner: 'specialist2', start: -240, end: -200, actualStart: -238, actualEnd: -198 },
    { m: 1, name: '数字化方案', owner: 'specialist2', start: -199, end: -130, actualStart: -197, actualEnd: -128 },
    { m: 2, name: '系统配置与上线', owner: 'specialist', start: -129, end: -60, actualStart: -127, actualEnd: -58 },
  ]);
  await approve(k, await claim(k, logistics, 'specialist', 2, 'outsourcing', 6_500_000, -90, '园区系统配置外包服务费'), 'specialist2', 'specialist', -80);
  await internalAcceptance(k, logistics, 'specialist2', 'specialist', null);
  await submitCustomerAcceptance(deps, db, as('specialist2'), logistics);
  await settleProject(deps, db, as('specialist2'), logistics, { acceptedDate: k.day(-45), signer: '黄伟', note: '系统运行稳定，同意验收', attachmentIds: [await k.file('specialist2', '物流园区项目验收报告（签字版）.pdf')] });
  await invoiceAndPay(k, logistics, 0, 'FP20260310', -232, { day: -215, share: 1 });
  await invoiceAndPay(k, logistics, 1, 'FP20260718', -118, { day: -70, share: 0.5 });
  await invoiceAndPay(k, logistics, 2, 'FP20261110', -15, null);
  await docs(k, logistics, 'specialist2', ARCHIVE.slice(0, 2));
  made++;

  // Customer acceptance: the deliverables are with the customer.
  const medical = await salesModule.demo.winProject(k, {
    title: '医疗器械渠道数字化',
    customer: '南京金陵医疗器械有限公司',
    assignee: 'specialist',
    start: -180,
    end: -10,
    milestones: [
      { name: '渠道现状梳理', start: -180, end: -140, deliverable: '渠道现状报告' },
      { name: '渠道管理方案', start: -139, end: -70, deliverable: '渠道管理制度、经销商考核办法' },
      { name: '系统落地', start: -69, end: -10, deliverable: '渠道管理系统上线报告' },
    ],
    budget: [
      { item: '咨询服务（人天）', amountFen: 24_000_000 },
      { item: '差旅', amountFen: 1_800_000 },
    ],
    instalments: THREE_PAYMENTS(-170, -70, 20),
  });
  await team(k, medical, 'specialist', [['specialist2', '业务分析师', '经销商访谈与数据分析']]);
  await startProject(deps, db, as('specialist'), medical, { actualStart: k.day(-178) });
  await plan(k, medical, 'specialist', [
    { m: 0, name: '经销商访谈', owner: 'specialist2', start: -180, end: -140, actualStart: -178, actualEnd: -137 },
    { m: 1, name: '渠道管理制度', owner: 'specialist', start: -139, end: -70, actualStart: -136, actualEnd: -66 },
    { m: 2, name: '系统配置上线', owner: 'specialist', start: -69, end: -10, actualStart: -65, actualEnd: -8 },
  ]);
  // The customer turned down the first delivery; the rework is done and the second sign-off is awaited.
  await internalAcceptance(k, medical, 'specialist', 'specialist2', null);
  await submitCustomerAcceptance(deps, db, as('specialist'), medical);
  await reworkProject(deps, db, as('specialist'), medical, { reason: '客户要求经销商考核办法增加回款指标', items: ['经销商考核办法增加回款及时率指标', '系统考核报表增加回款维度'], dueDate: k.day(3) });
  const reworkTasks = await db.selectFrom('project_tasks').select(['id', 'version']).where('project_id', '=', medical).where('progress', '=', 0).execute();
  for (const t of reworkTasks) await updateTask(deps, db, as('specialist'), medical, t.id, { version: t.version, actualStart: k.day(-2), actualEnd: k.today });
  await internalAcceptance(k, medical, 'specialist', 'specialist2', null);
  await submitCustomerAcceptance(deps, db, as('specialist'), medical);
  await invoiceAndPay(k, medical, 0, 'FP20260601', -168, { day: -150, share: 1 });
  await invoiceAndPay(k, medical, 1, 'FP20260920', -68, { day: -40, share: 1 });
  await docs(k, medical, 'specialist', ARCHIVE.slice(0, 1));
  made++;

  // Internal acceptance under way: one item failed, two not yet checked.
  const energy = await salesModule.demo.winProject(k, {
    title: '能源集团项目管理体系建设',
    customer: '苏州工业园区能源服务有限公司',
    assignee: 'pm',
    start: -150,
    end: -5,
    milestones: [
      { name: '管理现状评估', start: -150, end: -120, deliverable: '项目管理成熟度评估报告' },
      { name: '体系文件编制', start: -119, end: -50, deliverable: '项目管理制度汇编' },
      { name: '试运行', start: -49, end: -5, deliverable: '试运行总结' },
    ],
    budget: [
      { item: '咨询服务（人天）', amountFen: 30_000_000 },
      { item: '差旅及会务', amountFen: 2_000_000 },
    ],
    instalments: THREE_PAYMENTS(-140, -50, 30),
  });
  await team(k, energy, 'pm', [['specialist', '体系顾问', '制度编制'], ['deputy', '质量顾问', '成果评审']]);
  await startProject(deps, db, as('pm'), energy, { actualStart: k.day(-150) });
  await plan(k, energy, 'pm', [
    { m: 0, name: '成熟度评估', owner: 'pm', start: -150, end: -120, actualStart: -150, actualEnd: -121 },
    { m: 1, name: '制度汇编', owner: 'specialist', start: -119, end: -50, weight: 3, actualStart: -119, actualEnd: -47 },
    { m: 2, name: '三个项目试运行', owner: 'specialist', start: -49, end: -5, actualStart: -46, actualEnd: -3 },
  ]);
  await submitInternalAcceptance(deps, db, as('pm'), energy);
  const energyRound = (await listAcceptances(db, as('pm'), energy)).items[0]!;
  await checkItems(deps, db, as('deputy'), energy, energyRound.id, {
    items: energyRound.items.slice(0, -2).map((i, n) => (n === 1 ? { id: i.id, result: 'fail' as const, note: '制度汇编缺少变更管理章节' } : { id: i.id, result: 'pass' as const, note: '' })),
  });
  await invoiceAndPay(k, energy, 0, 'FP20260705', -138, { day: -120, share: 1 });
  await invoiceAndPay(k, energy, 1, 'FP20261008', -48, null);
  await docs(k, energy, 'pm', ARCHIVE.slice(0, 2));
  made++;

  // Executing and in trouble: a late milestone, an escalated major issue, a line over budget, a change awaiting the manager.
  const mes = await salesModule.demo.winProject(k, {
    title: '智造车间 MES 运营咨询',
    customer: '深圳前海智造科技有限公司',
    assignee: 'pm',
    start: -75,
    end: 75,
    milestones: [
      { name: '车间现状诊断', start: -75, end: -50, deliverable: '车间运营诊断报告' },
      { name: 'MES 方案设计', start: -49, end: -15, deliverable: 'MES 功能方案、数据采集清单' },
      { name: '系统实施', start: -14, end: 45, deliverable: '系统上线报告' },
      { name: '上线推广', start: 46, end: 75, deliverable: '推广总结' },
    ],
    budget: [
      { item: '咨询服务（人天）', amountFen: 38_000_000 },
      { item: '差旅', amountFen: 3_000_000 },
      { item: '外包开发', amountFen: 6_000_000 },
    ],
    instalments: THREE_PAYMENTS(-65, 10, 90),
  });
  await team(k, mes, 'pm', [['specialist', '实施顾问', '车间调研与系统配置'], ['specialist2', '数据分析师', '数据采集与看板']]);
  await startProject(deps, db, as('pm'), mes, { actualStart: k.day(-74) });
  await plan(k, mes, 'pm', [
    { m: 0, name: '车间现场诊断', owner: 'specialist', start: -75, end: -55, actualStart: -74, actualEnd: -51 },
    { m: 0, name: '诊断报告', owner: 'pm', start: -54, end: -50, actualStart: -50, actualEnd: -46 },
    { m: 1, name: 'MES 功能方案', owner: 'pm', start: -49, end: -25, weight: 2, actualStart: -45, actualEnd: -20 },
    { m: 1, name: '设备数据采集清单', owner: 'specialist2', start: -30, end: -15, actualStart: -22, progress: 60 },
    { m: 2, name: '系统配置', owner: 'specialist', start: -14, end: 20, weight: 2, actualStart: -10, progress: 15 },
    { m: 2, name: '数据看板', owner: 'specialist2', start: 0, end: 45 },
    { m: 3, name: '推广培训', owner: 'specialist', start: 46, end: 75 },
  ]);
  const week = periodOf(k.today, 'week');
  const lastWeek = periodOf(k.day(-7), 'week');
  const mesTasks = await db.selectFrom('project_tasks').select(['id', 'name']).where('project_id', '=', mes).execute();
  const task = (name: string) => mesTasks.find((t) => t.name === name)!.id;
  await fileReport(deps, db, as('specialist2'), mes, { period: lastWeek, tasks: [{ taskId: task('设备数据采集清单'), percent: 60 }], workDone: '完成 12 台关键设备的数据点位梳理', nextSteps: '补齐剩余设备点位', problems: 'MES 供应商接口文档缺失，部分设备点位无法确认' });
  await fileReport(deps, db, as('specialist'), mes, { period: lastWeek, tasks: [{ taskId: task('系统配置'), percent: 10 }], workDone: '完成基础数据配置', nextSteps: '配置工单流程', problems: '' });
  await fileReport(deps, db, as('specialist'), mes, { period: week, tasks: [{ taskId: task('系统配置'), percent: 15 }], workDone: '工单流程配置完成一半', nextSteps: '完成工单与报工配置', problems: '客户关键用户本周两次更换' });
  await createIssue(deps, db, as('specialist2'), mes, { title: 'MES 供应商接口文档缺失', description: '供应商尚未提供设备数据接口文档，数据采集清单无法定稿，方案设计里程碑已延误', severity: 'major', ownerId: k.userId('pm') });
  await createIssue(deps, db, as('specialist'), mes, { title: '客户关键用户频繁变动', description: '车间主任两周内更换两次，需求确认反复', severity: 'high', ownerId: k.userId('pm') });
  const minor = await createIssue(deps, db, as('specialist'), mes, { title: '车间网络覆盖不足', description: '二号车间无线信号弱，影响现场调研记录上传', severity: 'medium' });
  await issueAction(deps, db, as('specialist'), mes, minor.id, { action: 'close', resolution: '客户 IT 已加装两个无线接入点' });
  await approve(k, await claim(k, mes, 'specialist', 1, 'travel', 1_260_000, -60, '深圳车间驻场差旅（第一批）'), 'pm', 'specialist', -50);
  await approve(k, await claim(k, mes, 'specialist2', 1, 'accommodation', 2_000_000, -30, '深圳驻场住宿'), 'pm', 'specialist2');
  const pending = await claim(k, mes, 'specialist', 0, 'materials', 86_000, -5, '车间调研资料打印装订');
  await approveExpense(deps, db, as('pm'), pending, { comment: '同意' });
  await claim(k, mes, 'specialist2', 1, 'transport', 36_000, -3, '市内交通');
  const refused = await claim(k, mes, 'specialist', 1, 'meals', 98_000, -8, '加班餐费');
  await rejectExpense(deps, db, as('pm'), refused, '加班餐费按公司制度由部门统一报销');
  await createChange(deps, db, as('pm'), mes, {
    title: '增加设备数据采集范围',
    description: '客户要求将三号车间的 8 台设备纳入本期数据采集',
    requestedBy: '客户生产总监 郑丽',
    requestedOn: k.day(-4),
    scopeImpact: '新增 8 台设备的数据点位梳理、采集配置与看板',
    scheduleImpact: '系统实施里程碑顺延 20 天',
    milestoneChanges: [{ milestoneId: (await db.selectFrom('project_milestones').select('id').where('project_id', '=', mes).orderBy('seq').offset(2).limit(1).executeTakeFirstOrThrow()).id, plannedEnd: k.day(65) }],
    newMilestones: [],
    budgetChanges: [],
    newBudgetLines: [{ item: '三号车间数据采集', amountFen: 5_000_000 }],
  });
  await invoiceAndPay(k, mes, 0, 'FP20261002', -64, { day: -40, share: 1 });
  await docs(k, mes, 'pm', ARCHIVE.slice(0, 2));
  made++;

  // Executing on plan: the first milestone finished on time.
  const cloud = await salesModule.demo.winProject(k, {
    title: '云服务交付流程优化',
    customer: '杭州云帆信息技术有限公司',
    assignee: 'specialist',
    start: -30,
    end: 90,
    milestones: [
      { name: '交付流程调研', start: -30, end: -10, deliverable: '交付流程现状报告' },
      { name: '流程再造设计', start: -9, end: 30, deliverable: '交付流程设计说明书' },
      { name: '试点运行', start: 31, end: 90, deliverable: '试点运行报告' },
    ],
    budget: [
      { item: '咨询服务（人天）', amountFen: 22_000_000 },
      { item: '差旅', amountFen: 1_500_000 },
    ],
    instalments: THREE_PAYMENTS(-25, 30, 100),
  });
  await team(k, cloud, 'specialist', [['pm', '方案专家', '流程设计评审'], ['specialist2', '业务分析师', '流程数据分析']]);
  await startProject(deps, db, as('specialist'), cloud, { actualStart: k.day(-30) });
  await plan(k, cloud, 'specialist', [
    { m: 0, name: '交付团队访谈与现状报告', owner: 'specialist2', start: -30, end: -10, actualStart: -30, actualEnd: -11 },
    { m: 1, name: '流程蓝图', owner: 'pm', start: -9, end: 10, weight: 2, actualStart: -9, progress: 60 },
    { m: 2, name: '试点运行支持', owner: 'specialist2', start: 31, end: 90 },
  ]);
  const blueprint = (await db.selectFrom('project_tasks').select('id').where('project_id', '=', cloud).where('name', '=', '流程蓝图').executeTakeFirstOrThrow()).id;
  await fileReport(deps, db, as('pm'), cloud, { period: week, tasks: [{ taskId: blueprint, percent: 60 }], workDone: '完成交付流程蓝图初稿并与客户评审一次', nextSteps: '根据评审意见修订', problems: '' });
  await invoiceAndPay(k, cloud, 0, 'FP20261105', -24, { day: -10, share: 1 });
  await docs(k, cloud, 'specialist', ARCHIVE.slice(0, 1));
  made++;

  return made;
}
