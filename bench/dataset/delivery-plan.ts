import type { Insertable } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { translate } from '../../packages/domain/src/i18n/messages.js';
import { acceptanceChecklist } from '../../packages/domain/src/delivery/acceptance.rules.js';
import { DELIVERY_SETTINGS } from '../../packages/domain/src/delivery/delivery.settings.js';
import { periodOf } from '../../packages/domain/src/delivery/period.rules.js';
import type { ExpenseCategory } from '../../packages/domain/src/delivery/expense.schema.js';
import type { ProposalContent } from '../../packages/domain/src/sales/proposal.schema.js';
import * as T from './delivery-text.js';
import type { ApprovalWriter, Decision } from './approvals-kit.js';
import { Codes, DAY, HOUR, actor, dateOf, iso, pickAt, span, type People, type User } from './dataset-people.js';
import type { DatasetContext } from './types.js';

const QUALITY_ITEMS = DELIVERY_SETTINGS['delivery.acceptance.qualityItems'].default;
const DUE_DAYS = DELIVERY_SETTINGS['delivery.receivable.dueDays'].default;

/** A signed contract as the delivery part reads it. */
export type SignedContract = {
  id: number;
  projectId: number;
  title: string;
  customerId: number;
  customerName: string;
  contactName: string;
  amountFen: number;
  startDate: string;
  endDate: string;
  signAt: number;
  pm: User;
  content: ProposalContent;
  instalments: { id: number; name: string; amountFen: number; dueDate: string }[];
};

export type Rows = {
  projects: Insertable<DB['projects']>[];
  milestones: Insertable<DB['project_milestones']>[];
  lines: Insertable<DB['project_budget_lines']>[];
  members: Insertable<DB['project_members']>[];
  tasks: Insertable<DB['project_tasks']>[];
  reports: Insertable<DB['project_progress_reports']>[];
  issues: Insertable<DB['project_issues']>[];
  changes: Insertable<DB['project_change_requests']>[];
  expenses: Insertable<DB['project_expenses']>[];
  acceptances: Insertable<DB['project_acceptances']>[];
  items: Insertable<DB['project_acceptance_items']>[];
  invoices: Insertable<DB['project_invoices']>[];
  payments: Insertable<DB['project_payments']>[];
  attachments: Insertable<DB['attachments']>[];
  documents: Insertable<DB['project_documents']>[];
  docVersions: Insertable<DB['project_document_versions']>[];
  retros: Insertable<DB['project_retrospectives']>[];
  /** Contracts whose project closed and which the manager marked completed. */
  completed: { id: number; at: string }[];
};

export function emptyRows(): Rows {
  return { projects: [], milestones: [], lines: [], members: [], tasks: [], reports: [], issues: [], changes: [], expenses: [], acceptances: [], items: [], invoices: [], payments: [], attachments: [], documents: [], docVersions: [], retros: [], completed: [] };
}

const CATEGORY_OF: Record<string, readonly ExpenseCategory[]> = {
  人力成本: ['meals', 'transport', 'other'],
  差旅费: ['travel', 'accommodation', 'meals', 'transport'],
  软件许可: ['materials'],
  硬件采购: ['materials'],
  外包服务: ['outsourcing'],
  培训费: ['other', 'meals'],
  管理费: ['communication', 'other'],
};

function hex(ctx: DatasetContext, chars: number): string {
  let s = '';
  while (s.length < chars) s += Math.floor(ctx.rng.next() * 0x100000000).toString(16).padStart(8, '0');
  return s.slice(0, chars);
}

type Line = { id: number; item: string; amount: number; spent: number; committed: number };

/** Rows of earlier chunks per table (already inserted): ids continue after them. */
let idBase: Partial<Record<keyof Rows, number>> = {};
const nid = (rows: Rows, key: keyof Rows) => (idBase[key] ?? 0) + (rows[key] as unknown[]).length + 1;

/**
 * One project's life from signing to now: plan, team, reports, issues, changes, expenses through
 * their approvals, acceptance rounds, invoices and payments, archive, retrospective.
 */
export function planProject(ctx: DatasetContext, people: People, k: SignedContract, rows: Rows, codes: Codes, approvals: ApprovalWriter, auditSince: number, offsets: Partial<Record<keyof Rows, number>> = {}): void {
  idBase = offsets;
  const { rng } = ctx;
  const now = ctx.now.getTime();
  const id = k.projectId;
  const pm = k.pm;
  const signer = pickAt(rng, people.managers, k.signAt);
  const audit = (t: number) => t >= auditSince;
  const log = (t: number, by: User, action: string, entity: string, entityId: number, before?: object, after?: object) => {
    if (audit(t)) ctx.audit.push({ at: iso(t), actor: actor(by), ip: null, action, entity, entityId, before, after });
  };
  const code = codes.code('PRJ', k.signAt, 4);
  const project: Insertable<DB['projects']> = {
    id,
    code,
    name: k.title,
    status: 'planning',
    contract_id: k.id,
    customer_id: k.customerId,
    pm_id: pm.id,
    start_date: k.startDate,
    end_date: k.endDate,
    budget_fen: k.content.budgetLines.reduce((s, l) => s + l.amountFen, 0),
    actual_start: null,
    actual_end: null,
    closed_at: null,
    write_off_fen: 0,
    write_off_reason: null,
    version: 1,
    created_at: iso(k.signAt),
    created_by: signer.id,
    updated_at: iso(k.signAt),
  };
  rows.projects.push(project);
  log(k.signAt, signer, 'create', 'project', id, undefined, { code, contractId: k.id, status: 'planning' });
  const move = (t: number, to: string, by: User, action: string, extra: object = {}) => {
    log(t, by, `transition:${action}`, 'project', id, { status: project.status }, { status: to, ...extra });
    project.status = to;
    project.version = (project.version ?? 1) + 1;
    project.updated_at = iso(t);
  };

  // The timeline: when work starts (the PM moves the plan to it when signing came late) and how it slips.
  const proposedStart = Date.parse(k.content.milestones[0]!.start);
  const tStart = Math.max(k.signAt + span(rng, 0.5, 7), proposedStart + (rng.next() * 8 - 3) * DAY);
  const replanDays = tStart <= now && tStart > proposedStart + 3 * DAY ? Math.round((tStart - proposedStart) / DAY) : 0;
  const replan = (d: string) => (replanDays ? dateOf(Date.parse(d) + replanDays * DAY) : d);
  const slip = rng.chance(0.6) ? 0.97 + rng.next() * 0.04 : 1 + Math.pow(rng.next(), 2) * 0.3;

  // Plan and budget from the proposal, as signing copies them.
  const ms = k.content.milestones.map((m, i) => {
    const mid = nid(rows, 'milestones');
    const row: Insertable<DB['project_milestones']> = { id: mid, project_id: id, seq: i + 1, name: m.name, planned_start: replan(m.start), planned_end: replan(m.end), deliverable: m.deliverable, weight: rng.int(1, 3), actual_start: null, actual_end: null, version: replanDays ? 2 : 1 };
    rows.milestones.push(row);
    return row;
  });
  const lines: Line[] = k.content.budgetLines.map((b, i) => {
    const lid = nid(rows, 'lines');
    rows.lines.push({ id: lid, project_id: id, seq: i + 1, item: b.item, amount_fen: b.amountFen });
    return { id: lid, item: b.item, amount: b.amountFen, spent: 0, committed: 0 };
  });

  // Team from the PM's department.
  const colleagues = (pm.departmentId !== null ? people.byDepartment.get(pm.departmentId) : undefined) ?? people.business;
  const team: User[] = [];
  const wanted = rng.int(2, 5);
  for (let i = 0; i < 12 && team.length < wanted; i++) {
    const u = pickAt(rng, colleagues, k.signAt);
    if (u.id !== pm.id && !team.includes(u) && u.createdAt <= k.signAt) team.push(u);
  }
  const joinAt = Math.min(k.signAt + span(rng, 0, 5), now - HOUR);
  const memberRows = team.map((u, i) => {
    const role = T.MEMBER_ROLES[i % T.MEMBER_ROLES.length]!;
    const row: Insertable<DB['project_members']> = { id: nid(rows, 'members'), project_id: id, user_id: u.id, project_role: role[0], responsibilities: role[1], joined_on: dateOf(joinAt), left_on: null, active: 1, version: 1, created_at: iso(joinAt), created_by: pm.id, updated_at: iso(joinAt) };
    rows.members.push(row);
    approvals.note(u.id, 'project.member_added', { title: k.title, actor: pm.name, role: role[0] }, 'project', id, `/projects/${id}`, iso(joinAt), 0.9);
    return row;
  });
  const workers = [pm, ...team];

  const plannedStart = Date.parse(ms[0]!.planned_start);
  const plannedEnd = Date.parse(ms[ms.length - 1]!.planned_end);
  const actualOf = (planned: number) => tStart + (planned - plannedStart) * slip;
  let tDone = actualOf(plannedEnd + DAY);

  // Tasks: two or three per milestone.
  const taskStart = rows.tasks.length;
  type TaskPlan = { row: Insertable<DB['project_tasks']>; aStart: number; aEnd: number };
  const tasks: TaskPlan[] = [];
  ms.forEach((m, mi) => {
    const ps = Date.parse(m.planned_start);
    const pe = Date.parse(m.planned_end);
    const n = rng.int(2, 3);
    for (let j = 0; j < n; j++) {
      const s = ps + ((pe - ps) * j) / (n + 0.5);
      const e = j === n - 1 ? pe : ps + ((pe - ps) * (j + 1.3)) / (n + 0.5);
      const owner = rng.pick(workers);
      const row: Insertable<DB['project_tasks']> = {
        id: nid(rows, 'tasks'), project_id: id, milestone_id: m.id!, seq: j + 1, name: T.taskName(rng, mi, j), owner_id: owner.id, planned_start: dateOf(s), planned_end: dateOf(e),
        actual_start: null, actual_end: null, weight: rng.int(1, 3), progress: 0, depends_on: '[]', note: '', version: 1, created_at: iso(joinAt), created_by: pm.id, updated_at: iso(joinAt),
      };
      rows.tasks.push(row);
      tasks.push({ row, aStart: actualOf(s), aEnd: actualOf(e + DAY) });
    }
  });

  // Documents filed in the archive: a stage's papers when the stage is reached.
  const file = (t: number, category: string, title: string, by: User, entity?: { name: string; id: number }) => {
    if (t > now) return;
    const docId = nid(rows, 'documents');
    const versionsN = category !== 'acceptance' && category !== 'contract' && rng.chance(0.2) ? 2 : 1;
    let tv = t;
    for (let v = 1; v <= versionsN; v++) {
      if (v > 1) tv = Math.min(tv + span(rng, 1, 20), now - HOUR);
      const attId = nid(rows, 'attachments');
      const d = new Date(tv);
      rows.attachments.push({ id: attId, entity: entity?.name ?? 'project_document', entity_id: entity?.id ?? docId, original_name: `${title}${v > 1 ? `（修订版）` : ''}.pdf`, stored_name: `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${hex(ctx, 32)}`, mime: 'application/pdf', size: rng.int(80_000, 6_000_000), sha256: hex(ctx, 64), uploaded_by: by.id, created_at: iso(tv) });
      rows.docVersions.push({ id: nid(rows, 'docVersions'), document_id: docId, version_no: v, attachment_id: attId, note: v > 1 ? '根据评审意见修订' : '', uploaded_by: by.id, created_at: iso(tv) });
    }
    rows.documents.push({ id: docId, project_id: id, category, title, current_version: versionsN, version: 1 + versionsN, created_at: iso(t), created_by: by.id, updated_at: iso(tv) });
  };
  file(Math.min(k.signAt + span(rng, 0, 3), tStart), 'contract', `${k.title}合同扫描件`, pm);

  if (tStart > now) return; // still planning
  move(tStart, 'executing', pm, 'start', { actualStart: dateOf(tStart) });
  project.actual_start = dateOf(tStart);
  file(tStart + span(rng, 0, 5), 'plan', `${k.title}项目实施计划`, pm);

  // Issues, change requests and expenses during execution.
  planIssues(ctx, people, id, tStart, Math.min(tDone, now), workers, rows, log);
  const change = planChanges(ctx, people, k, project, ms, lines, rows, codes, approvals, tStart, tDone, log);
  tDone += change.shiftDays * DAY;
  planExpenses(ctx, people, k, pm, team, lines, rows, codes, approvals, tStart, Math.min(tDone, now), audit);

  // Acceptance: internal, then customer; a failed round sends the work back (rework).
  let t = tDone;
  let closedOrBeyond = false;
  for (let round = 1, custRound = 1; ; ) {
    if (t > now) break;
    move(t, 'internal_acceptance', pm, 'submit-internal-acceptance');
    file(t - span(rng, 0, 2), 'report', `${k.title}项目总结报告${round > 1 ? `（第 ${round} 轮）` : ''}`, pm);
    const internal = acceptance(rows, id, 'internal', round, t, pm, ms, rng.chance(round === 1 ? 0.08 : 0.02));
    const decided = t + span(rng, 1, 8);
    if (decided > now) {
      internalOpen(internal);
      break;
    }
    if (internal.failed) {
      rework(ctx, rows, id, 'internal', round, decided, pm, internal, ms, move);
      round++;
      t = decided + span(rng, 5, 20);
      continue;
    }
    internal.row.status = 'passed';
    internal.row.decided_by = pm.id;
    internal.row.decided_at = iso(decided);
    move(decided, 'customer_acceptance', pm, 'submit-customer-acceptance', { round: custRound });
    file(decided, 'deliverable', `${k.title}交付物清单${custRound > 1 ? `（第 ${custRound} 轮）` : ''}`, pm);
    const customer = acceptance(rows, id, 'customer', custRound, decided, pm, [], false);
    const signedOff = decided + span(rng, 3, 25);
    if (signedOff > now) break;
    if (rng.chance(custRound === 1 ? 0.08 : 0.02)) {
      rework(ctx, rows, id, 'customer', custRound, signedOff, pm, customer, ms, move);
      custRound++;
      round++;
      t = signedOff + span(rng, 5, 20);
      continue;
    }
    Object.assign(customer.row, { status: 'accepted', accepted_date: dateOf(signedOff), signer: k.contactName || '客户项目负责人', note: '验收通过，同意结算', decided_by: pm.id, decided_at: iso(signedOff) });
    move(signedOff, 'settlement', pm, 'settle', { acceptanceId: customer.row.id, acceptedDate: dateOf(signedOff) });
    file(signedOff, 'acceptance', `${k.title}客户验收单`, pm, { name: 'project_acceptance', id: customer.row.id! });
    closedOrBeyond = true;
    t = signedOff;
    break;
  }
  // Tasks and milestones as far as the work has come.
  const finished = closedOrBeyond || project.status === 'internal_acceptance' || project.status === 'customer_acceptance';
  for (const task of tasks) {
    const r = task.row;
    const aEnd = Math.min(task.aEnd, tDone);
    if (finished || aEnd <= now) {
      Object.assign(r, { actual_start: dateOf(Math.min(task.aStart, aEnd)), actual_end: dateOf(Math.min(aEnd, now)), progress: 100, version: 3, updated_at: iso(Math.min(aEnd, now)) });
    } else if (task.aStart <= now) {
      const p = Math.max(5, Math.min(95, Math.round(((now - task.aStart) / (aEnd - task.aStart)) * 10) * 10));
      Object.assign(r, { actual_start: dateOf(task.aStart), progress: p, version: 2, updated_at: iso(Math.max(task.aStart, now - span(rng, 0, 6))) });
    }
  }
  const projectTasks = rows.tasks.slice(taskStart);
  for (const m of ms) {
    const mine = projectTasks.filter((x) => x.milestone_id === m.id);
    const started = mine.filter((x) => x.actual_start).map((x) => x.actual_start!).sort();
    const ended = mine.every((x) => x.actual_end) ? mine.map((x) => x.actual_end!).sort() : [];
    if (started.length) m.actual_start = started[0]!;
    if (ended.length) m.actual_end = ended[ended.length - 1]!;
    m.version = Number(m.version ?? 1) + (m.actual_start ? 1 : 0) + (m.actual_end ? 1 : 0);
  }

  // Progress reports: the PM about every other week, team members now and then.
  const reportUntil = Math.min(tDone, now);
  const filed = new Set<string>();
  for (let w = tStart + 6 * DAY; w <= reportUntil; w += 7 * DAY) {
    const done = Math.min(100, Math.max(0, ((w - tStart) / (tDone - tStart)) * 100));
    for (const u of workers) {
      if (!rng.chance(u === pm ? 0.28 : 0.05)) continue;
      const at = Math.min(w + rng.int(0, 20) * HOUR, now - HOUR);
      const period = periodOf(dateOf(at), 'week');
      if (filed.has(`${u.id}|${period}`)) continue;
      filed.add(`${u.id}|${period}`);
      rows.reports.push({ id: nid(rows, 'reports'), project_id: id, user_id: u.id, period, percent_tenths: Math.round(done * 10), work_done: T.workDone(rng), next_steps: T.nextSteps(rng), problems: rng.chance(0.6) ? '无' : T.problem(rng), tasks_json: '[]', created_at: iso(at) });
    }
  }

  // Settlement: invoices against the instalments, payments received; then the retrospective and closing.
  const payments = settle(ctx, people, k, rows, id, tStart, tDone, closedOrBeyond ? t : null, log);
  if (!closedOrBeyond) return;
  const tRetro = t + span(rng, 3, 40);
  if (tRetro <= now && rng.chance(0.85)) {
    const text = T.retrospective(rng);
    const searchText = [text.wentWell, text.wentWrong, text.lessons, text.reusableAssets, k.title, k.customerName].join('\n');
    rows.retros.push({ id: nid(rows, 'retros'), project_id: id, went_well: text.wentWell, went_wrong: text.wentWrong, lessons: text.lessons, reusable_assets: text.reusableAssets, search_text: searchText, author_id: pm.id, version: 1, created_at: iso(tRetro), created_by: pm.id, updated_at: iso(tRetro) });
    log(tRetro, pm, 'create', 'project_retrospective', rows.retros[rows.retros.length - 1]!.id!, undefined, { projectId: id, ...text });
    const tClose = Math.max(tRetro, payments.settledAt ?? Infinity) + span(rng, 0.5, 10);
    if (tClose > now) return;
    if (payments.writeOff > 0) {
      project.write_off_fen = payments.writeOff;
      project.write_off_reason = '客户经营困难，剩余尾款经协商核销';
    }
    project.actual_end = dateOf(Math.min(tDone, tClose));
    project.closed_at = iso(tClose);
    const by = payments.writeOff > 0 ? signer : pm;
    move(tClose, 'closed', by, 'close', { actualEnd: project.actual_end, ...(payments.writeOff > 0 ? { writeOffFen: payments.writeOff, writeOffReason: project.write_off_reason } : {}) });
    for (const m of memberRows) {
      if (!rng.chance(0.3)) continue;
      Object.assign(m, { active: 0, left_on: dateOf(tClose), version: 2, updated_at: iso(tClose) });
    }
    if (rng.chance(0.7)) rows.completed.push({ id: k.id, at: iso(Math.min(tClose + span(rng, 0.5, 15), now - HOUR)) });
  }
}

type AcceptanceRef = { row: Insertable<DB['project_acceptances']>; items: Insertable<DB['project_acceptance_items']>[]; failed: boolean };

function acceptance(rows: Rows, projectId: number, kind: 'internal' | 'customer', round: number, t: number, pm: User, ms: readonly Insertable<DB['project_milestones']>[], fails: boolean): AcceptanceRef {
  const row: Insertable<DB['project_acceptances']> = { id: nid(rows, 'acceptances'), project_id: projectId, kind, round, status: kind === 'internal' ? 'open' : 'pending', accepted_date: null, signer: null, note: '', rework_items_json: '[]', rework_reason: null, decided_by: null, decided_at: null, created_by: pm.id, created_at: iso(t) };
  rows.acceptances.push(row);
  const items: Insertable<DB['project_acceptance_items']>[] = [];
  if (kind === 'internal') {
    const seeds = acceptanceChecklist(ms.map((m) => ({ name: m.name, deliverable: m.deliverable })), QUALITY_ITEMS);
    seeds.forEach((s, i) => {
      const item: Insertable<DB['project_acceptance_items']> = { id: nid(rows, 'items'), acceptance_id: row.id!, seq: i + 1, source: s.source, name: s.name, standard: s.standard, result: 'pass', note: '', checked_by: pm.id, checked_at: iso(t + HOUR) };
      rows.items.push(item);
      items.push(item);
    });
    if (fails && items.length) Object.assign(items[items.length - 1]!, { result: 'fail', note: '文档版本与交付物不一致，需补充' });
  }
  return { row, items, failed: fails };
}

/** An internal round still being checked: some items pending. */
function internalOpen(a: AcceptanceRef) {
  a.items.forEach((it, i) => {
    if (i >= a.items.length / 2) Object.assign(it, { result: 'pending', checked_by: null, checked_at: null });
  });
}

function rework(ctx: DatasetContext, rows: Rows, projectId: number, kind: 'internal' | 'customer', round: number, t: number, pm: User, a: AcceptanceRef, ms: Insertable<DB['project_milestones']>[], move: (t: number, to: string, by: User, action: string, extra?: object) => void) {
  const items = kind === 'internal' ? ['补充交付文档', '修正测试遗留问题'] : ['按客户意见调整报表格式', '补充操作手册'];
  const reason = kind === 'internal' ? '内部验收发现交付文档不完整' : '客户要求补充部分功能细节';
  Object.assign(a.row, { status: kind === 'customer' ? 'rejected' : 'failed', rework_items_json: JSON.stringify(items), rework_reason: reason, decided_by: pm.id, decided_at: iso(t) });
  const due = t + 7 * DAY;
  const name = translate('zh-CN', 'delivery.reworkMilestone', { kind: translate('zh-CN', `delivery.acceptance.${kind}`), round });
  const mid = nid(rows, 'milestones');
  const doneAt = Math.min(t + span(ctx.rng, 3, 7), ctx.now.getTime() - HOUR);
  const m: Insertable<DB['project_milestones']> = { id: mid, project_id: projectId, seq: ms.length + 1, name, planned_start: dateOf(t), planned_end: dateOf(due), deliverable: items.join('、'), weight: 1, actual_start: null, actual_end: null, version: 1 };
  rows.milestones.push(m);
  ms.push(m);
  items.forEach((item, i) => rows.tasks.push({ id: nid(rows, 'tasks'), project_id: projectId, milestone_id: mid, seq: i + 1, name: item, owner_id: pm.id, planned_start: dateOf(t), planned_end: dateOf(due), actual_start: dateOf(t), actual_end: dateOf(doneAt), weight: 1, progress: 100, depends_on: '[]', note: reason, version: 2, created_at: iso(t), created_by: pm.id, updated_at: iso(doneAt) }));
  move(t, 'executing', pm, 'rework', { acceptanceId: a.row.id, kind, reason, items, milestoneId: mid });
}

type Log = (t: number, by: User, action: string, entity: string, entityId: number, before?: object, after?: object) => void;

function planIssues(ctx: DatasetContext, people: People, projectId: number, from: number, to: number, workers: User[], rows: Rows, log: Log) {
  const { rng } = ctx;
  const now = ctx.now.getTime();
  const n = rng.weighted([[0, 3], [1, 4], [2, 3], [3, 2], [4, 1]] as const);
  for (let i = 0; i < n && to > from; i++) {
    const t = from + rng.next() * (to - from);
    const severity = rng.weighted([['low', 35], ['medium', 35], ['high', 22], ['major', 8]] as const);
    const reporter = rng.pick(workers);
    const text = T.issue(rng);
    const issueId = nid(rows, 'issues');
    const row: Insertable<DB['project_issues']> = {
      id: issueId, project_id: projectId, title: text.title, description: text.description, severity, status: severity === 'major' ? 'escalated' : 'open', owner_id: rng.pick(workers).id, reported_by: reporter.id, due_date: dateOf(t + rng.int(7, 30) * DAY),
      escalated_at: severity === 'major' ? iso(t) : null, escalation_reason: null, meeting_date: null, participants: null, discussion: null, decision: null, decided_by: null, decided_at: null, resolution: null, closed_at: null, closed_by: null,
      version: 1, created_at: iso(t), created_by: reporter.id, updated_at: iso(t),
    };
    rows.issues.push(row);
    log(t, reporter, 'create', 'project_issue', issueId, undefined, { projectId, title: text.title, severity });
    let tt = t;
    if (severity === 'major') {
      tt += span(rng, 0.5, 7);
      if (tt > now) continue;
      const manager = pickAt(rng, people.managers, tt);
      Object.assign(row, { status: 'decided', meeting_date: dateOf(tt), participants: `${manager.name}、${workers.map((w) => w.name).slice(0, 3).join('、')}`, discussion: '分析了问题原因与影响范围，讨论了应对方案。', decision: rng.pick(['增派一名资深工程师支援', '与客户协商调整里程碑', '由公司承担额外成本，按期交付']), decided_by: manager.id, decided_at: iso(tt), version: 2, updated_at: iso(tt) });
      log(tt, manager, 'transition:decide', 'project_issue', issueId, { status: 'escalated' }, { status: 'decided' });
    }
    const tClose = tt + span(rng, 1, 25);
    if (tClose > now || (now - t < 20 * DAY && rng.chance(0.5))) continue;
    const closer = rng.pick(workers);
    Object.assign(row, { status: 'closed', resolution: rng.pick(['已修复并验证', '已与客户确认，按变更处理', '问题已解决，补充了文档']), closed_at: iso(tClose), closed_by: closer.id, version: (row.version ?? 1) + 1, updated_at: iso(tClose) });
  }
}

function snapshot(endDate: string, ms: readonly Insertable<DB['project_milestones']>[], lines: readonly Line[]) {
  return {
    endDate,
    budgetFen: lines.reduce((s, l) => s + l.amount, 0),
    milestones: ms.map((m) => ({ id: m.id!, name: m.name, plannedStart: m.planned_start, plannedEnd: m.planned_end })),
    budgetLines: lines.map((l) => ({ id: l.id, item: l.item, amountFen: l.amount })),
  };
}

function planChanges(ctx: DatasetContext, people: People, k: SignedContract, project: Insertable<DB['projects']>, ms: Insertable<DB['project_milestones']>[], lines: Line[], rows: Rows, codes: Codes, approvals: ApprovalWriter, from: number, to: number, log: Log): { shiftDays: number } {
  const { rng } = ctx;
  const now = ctx.now.getTime();
  let shiftDays = 0;
  const n = rng.chance(0.25) ? (rng.chance(0.2) ? 2 : 1) : 0;
  for (let i = 0; i < n; i++) {
    const t = from + rng.next() * (Math.min(to, now) - from);
    if (t <= from) continue;
    const line = lines[0]!;
    const delta = Math.round((line.amount * (0.05 + rng.next() * 0.15)) / 10_000) * 10_000;
    const days = rng.chance(0.6) ? rng.int(5, 30) : 0;
    const before = snapshot(String(project.end_date), ms, lines);
    const newEnd = days ? dateOf(Date.parse(String(project.end_date)) + days * DAY) : undefined;
    const changes = { milestoneChanges: [], newMilestones: [], budgetChanges: [{ budgetLineId: line.id, amountFen: line.amount + delta }], newBudgetLines: [], ...(newEnd ? { endDate: newEnd } : {}) };
    const pm = people.byId.get(Number(project.pm_id))!;
    const changeId = nid(rows, 'changes');
    const title = T.changeTitle(rng);
    const row: Insertable<DB['project_change_requests']> = {
      id: changeId, project_id: k.projectId, code: codes.code('CR', t, 4), status: 'submitted', title, description: `客户提出：${title}，需相应调整工作量与工期。`, requested_by: k.contactName || '客户项目负责人', requested_on: dateOf(t),
      scope_impact: '增加部分功能点', schedule_impact: days ? `工期顺延 ${days} 天` : '不影响工期', budget_impact_fen: delta, schedule_impact_days: days, changes_json: JSON.stringify(changes), before_json: null, after_json: null,
      decided_by: null, decided_at: null, decision_comment: null, version: 1, created_at: iso(t), created_by: pm.id, updated_at: iso(t),
    };
    rows.changes.push(row);
    log(t, pm, 'create', 'project_change', changeId, undefined, { projectId: k.projectId, code: row.code, title, budgetImpactFen: delta, scheduleImpactDays: days });
    const td = t + span(rng, 0.5, 6);
    const decisions: Decision[] = [];
    const approve = rng.chance(0.8);
    const manager = pickAt(rng, people.managers, td);
    if (td <= now) decisions.push({ step: 1, by: actor(manager), at: iso(td), decision: approve ? 'approved' : 'returned', comment: approve ? null : '变更理由不充分，请与客户再沟通' });
    approvals.add({ entity: 'project_change', entityId: changeId, title: `${k.title}：${title}`, amountFen: Math.abs(delta), submitter: actor(pm), at: iso(t), steps: [people.managers.map(actor)], decisions }, now - t < 4 * DAY);
    if (td > now) continue;
    Object.assign(row, { status: approve ? 'approved' : 'rejected', decided_by: manager.id, decided_at: iso(td), decision_comment: decisions[0]!.comment, version: 2, updated_at: iso(td) });
    if (approve) {
      line.amount += delta;
      rows.lines[line.id - (idBase.lines ?? 0) - 1]!.amount_fen = line.amount;
      if (newEnd) project.end_date = newEnd;
      project.budget_fen = Number(project.budget_fen) + delta;
      project.version = (project.version ?? 1) + 1;
      row.before_json = JSON.stringify(before);
      row.after_json = JSON.stringify(snapshot(String(project.end_date), ms, lines));
      shiftDays += days;
    }
    log(td, manager, `transition:${approve ? 'approve' : 'reject'}`, 'project_change', changeId, { status: 'submitted' }, { status: row.status });
  }
  return { shiftDays };
}

function planExpenses(ctx: DatasetContext, people: People, k: SignedContract, pm: User, team: User[], lines: Line[], rows: Rows, codes: Codes, approvals: ApprovalWriter, from: number, to: number, audit: (t: number) => boolean) {
  const { rng } = ctx;
  const now = ctx.now.getTime();
  const n = rng.int(0, 8);
  const finance = people.finance.length ? people.finance : people.managers;
  for (let i = 0; i < n && to > from; i++) {
    const spent = from + rng.next() * (to - from);
    const created = Math.min(spent + span(rng, 0, 3), now - HOUR);
    const line = rng.chance(0.75) && lines.length > 1 ? lines[rng.int(1, lines.length - 1)]! : lines[0]!;
    const amount = rng.int(2, 150) * 10_000 + rng.int(0, 99) * 100;
    if (line.spent + line.committed + amount > line.amount) continue;
    const claimant = team.length && rng.chance(0.7) ? rng.pick(team) : pm;
    const category = rng.pick(CATEGORY_OF[line.item] ?? ['other']);
    const description = T.expenseText(rng, category);
    const expenseId = nid(rows, 'expenses');
    const row: Insertable<DB['project_expenses']> = {
      id: expenseId, code: codes.code('BX', created, 5), project_id: k.projectId, budget_line_id: line.id, claimant_id: claimant.id, category, amount_fen: amount, expense_date: dateOf(spent), description, status: 'submitted', over_budget: 0, over_budget_approved_by: null,
      pm_approved_at: null, approved_at: null, rejected_at: null, rejected_by: null, reject_reason: null, paid_on: null, paid_by: null, paid_note: null, version: 1, created_at: iso(created), created_by: claimant.id, updated_at: iso(created),
    };
    rows.expenses.push(row);
    const recent = audit(created);
    if (recent) ctx.audit.push({ at: iso(created), actor: actor(claimant), ip: null, action: 'create', entity: 'expense', entityId: expenseId, after: { id: expenseId, code: row.code, projectId: k.projectId, category, amountFen: amount, expenseDate: row.expense_date, description, status: 'submitted' } });
    const steps = claimant.id === pm.id ? [people.managers.map(actor)] : [[actor(pm)], people.managers.map(actor)];
    const decisions: Decision[] = [];
    let t = created;
    let status = 'submitted';
    for (let s = 1; s <= steps.length; s++) {
      t += span(rng, 0.05, 3);
      if (t > now) break;
      const by = s === steps.length ? pickAt(rng, people.managers, t) : pm;
      const returned = rng.chance(s === 1 ? 0.05 : 0.03);
      decisions.push({ step: s, by: actor(by), at: iso(t), decision: returned ? 'returned' : 'approved', comment: returned ? '票据不全，请补充后重新提交' : null });
      const prev = status;
      if (returned) {
        status = 'rejected';
        Object.assign(row, { status, rejected_at: iso(t), rejected_by: by.id, reject_reason: decisions[decisions.length - 1]!.comment });
      } else if (s < steps.length) {
        status = 'pm_approved';
        row.pm_approved_at = iso(t);
      } else {
        status = 'approved';
        row.approved_at = iso(t);
        if (steps.length === 1) row.pm_approved_at = null;
      }
      Object.assign(row, { status, version: (row.version ?? 1) + 1, updated_at: iso(t) });
      if (recent) ctx.audit.push({ at: iso(t), actor: actor(by), ip: null, action: `transition:${returned ? 'reject' : s < steps.length ? 'pm-approve' : 'approve'}`, entity: 'expense', entityId: expenseId, before: { status: prev }, after: { status, comment: decisions[decisions.length - 1]!.comment } });
      if (returned) {
        approvals.note(claimant.id, 'expense.rejected', { title: description, actor: by.name, reason: row.reject_reason }, 'expense', expenseId, `/expenses?id=${expenseId}`, iso(t), 0.9);
        break;
      }
      // Every finance user is told; only the last two days' messages are kept (one per finance user and claim would swamp the inboxes).
      if (status === 'approved' && now - t < 2 * DAY) for (const f of finance) approvals.note(f.id, 'expense.awaiting_payment', { title: description, amount: T.yuanText(amount) }, 'expense', expenseId, `/expenses?id=${expenseId}`, iso(t), 0.8);
    }
    approvals.add({ entity: 'expense', entityId: expenseId, title: `${k.title}：${description}（${T.yuanText(amount)} 元）`, amountFen: amount, submitter: actor(claimant), at: iso(created), steps, decisions }, recent);
    if (status === 'submitted' || status === 'pm_approved') line.committed += amount;
    if (status === 'approved') {
      line.spent += amount;
      const tp = t + span(rng, 0.5, 10);
      if (tp <= now && rng.chance(0.97)) {
        const payer = pickAt(rng, finance, tp);
        Object.assign(row, { status: 'paid', paid_on: dateOf(tp), paid_by: payer.id, paid_note: rng.chance(0.3) ? '银行转账' : null, version: (row.version ?? 1) + 1, updated_at: iso(tp) });
        if (recent) ctx.audit.push({ at: iso(tp), actor: actor(payer), ip: null, action: 'transition:pay', entity: 'expense', entityId: expenseId, before: { status: 'approved' }, after: { status: 'paid', paidOn: row.paid_on } });
        approvals.note(claimant.id, 'expense.paid', { title: description, amount: T.yuanText(amount) }, 'expense', expenseId, `/expenses?id=${expenseId}`, iso(tp), 0.9);
      }
    }
  }
}

/** Invoices as instalments fall due (the final ones after acceptance), payments within a month or two; answers when everything was received. */
function settle(ctx: DatasetContext, people: People, k: SignedContract, rows: Rows, projectId: number, tStart: number, tDone: number, accepted: number | null, log: Log): { settledAt: number | null; writeOff: number } {
  const { rng } = ctx;
  const now = ctx.now.getTime();
  const finance = people.finance.length ? people.finance : people.managers;
  let settledAt: number | null = 0;
  let writeOff = 0;
  k.instalments.forEach((inst, i) => {
    const finalOne = i >= k.instalments.length - 1 || inst.name === '验收款' || inst.name === '质保金';
    const issueAt = finalOne ? (accepted === null ? Infinity : accepted + span(rng, 1, 15)) : inst.name === '预付款' ? tStart + span(rng, 1, 12) : (tStart + tDone) / 2 + span(rng, 0, 10);
    if (issueAt > now) {
      settledAt = null;
      return;
    }
    const by = pickAt(rng, finance, issueAt);
    const invoiceId = nid(rows, 'invoices');
    const issued = dateOf(issueAt);
    rows.invoices.push({ id: invoiceId, project_id: projectId, instalment_id: inst.id, number: `FP${issued.slice(0, 4)}${String(invoiceId).padStart(7, '0')}`, amount_fen: inst.amountFen, issued_date: issued, due_date: dateOf(Date.parse(issued) + DUE_DAYS * DAY), note: inst.name, created_by: by.id, created_at: iso(issueAt) });
    log(issueAt, by, 'create', 'project_invoice', invoiceId, undefined, { projectId, instalment: inst.name, amountFen: inst.amountFen });
    const payAt = issueAt + span(rng, 3, 60, 1.3);
    if (finalOne && accepted !== null && rng.chance(0.03)) {
      writeOff += inst.amountFen;
      return;
    }
    if (payAt > now) {
      settledAt = null;
      return;
    }
    rows.payments.push({ id: nid(rows, 'payments'), project_id: projectId, invoice_id: invoiceId, amount_fen: inst.amountFen, received_date: dateOf(payAt), note: '', created_by: pickAt(rng, finance, payAt).id, created_at: iso(payAt) });
    if (settledAt !== null) settledAt = Math.max(settledAt, payAt);
  });
  return { settledAt, writeOff };
}

