import { sql, type Insertable } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { localDate } from '../../packages/domain/src/settings/settings.rules.js';
import { DELIVERY_SETTINGS } from '../../packages/domain/src/delivery/delivery.settings.js';
import { projectSchedule } from '../../packages/domain/src/delivery/schedule.rules.js';
import { costSummary } from '../../packages/domain/src/delivery/cost.rules.js';
import { receivables } from '../../packages/domain/src/delivery/receivables.rules.js';
import { projectHealth } from '../../packages/domain/src/delivery/health.rules.js';
import { SPENT_EXPENSE_STATUSES, COMMITTED_EXPENSE_STATUSES } from '../../packages/domain/src/delivery/expense.machine.js';
import type { ProposalContent } from '../../packages/domain/src/sales/proposal.schema.js';
import { insertBulk } from '../lib/bulk.js';
import { Progress } from '../lib/progress.js';
import { ApprovalWriter } from './approvals-kit.js';
import { Codes, DAY, collectGarbage, counterRows, loadPeople } from './dataset-people.js';
import { emptyRows, planProject, type Rows, type SignedContract } from './delivery-plan.js';
import type { DatasetContext, DatasetPart } from './types.js';

const AUDIT_DAYS = 4;
const NOTIFY_DAYS = 30;
const THRESHOLDS = DELIVERY_SETTINGS['delivery.health.thresholds'].default;
const WARNING_PCT = DELIVERY_SETTINGS['delivery.budget.warningPct'].default;

async function signedContracts(ctx: DatasetContext, people: Awaited<ReturnType<typeof loadPeople>>): Promise<SignedContract[]> {
  const rows = await ctx.db
    .selectFrom('contracts as k')
    .innerJoin('proposals as p', 'p.id', 'k.proposal_id')
    .innerJoin('leads as l', 'l.id', 'k.lead_id')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .select(['k.id', 'k.project_id', 'k.title', 'k.customer_id', 'c.name as customer_name', 'l.contact_name', 'k.amount_fen', 'k.start_date', 'k.end_date', 'k.updated_at', 'l.assignee_id', 'p.author_id', 'p.content_json'])
    .where('k.project_id', 'is not', null)
    .orderBy('k.project_id')
    .execute();
  const instalments = await ctx.db.selectFrom('contract_instalments').select(['id', 'contract_id', 'name', 'amount_fen', 'due_date']).orderBy('contract_id').orderBy('seq').execute();
  const byContract = new Map<number, SignedContract['instalments']>();
  for (const i of instalments) {
    const list = byContract.get(i.contract_id) ?? [];
    list.push({ id: i.id, name: i.name, amountFen: Number(i.amount_fen), dueDate: i.due_date });
    byContract.set(i.contract_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id!,
    title: r.title,
    customerId: r.customer_id,
    customerName: r.customer_name,
    contactName: r.contact_name,
    amountFen: Number(r.amount_fen),
    startDate: r.start_date,
    endDate: r.end_date,
    signAt: Date.parse(r.updated_at),
    pm: people.byId.get(r.assignee_id ?? r.author_id) ?? people.byId.get(r.author_id)!,
    content: JSON.parse(r.content_json) as ProposalContent,
    instalments: byContract.get(r.id) ?? [],
  }));
}

export type Mark = Record<keyof Rows, number>;
const mark = (rows: Rows): Mark => Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, (v as unknown[]).length])) as Mark;

/** The figures `refreshStats` would have stored for the project, from its rows in memory. */
function statsOf(rows: Rows, m: Mark, project: Insertable<DB['projects']>, contractFen: number, today: string): Insertable<DB['project_stats']> {
  const ms = rows.milestones.slice(m.milestones);
  const tasks = rows.tasks.slice(m.tasks);
  const plan = ms.map((x) => ({
    plannedStart: x.planned_start,
    plannedEnd: x.planned_end,
    actualEnd: x.actual_end ?? null,
    weight: Number(x.weight ?? 1),
    tasks: tasks.filter((t) => t.milestone_id === x.id).map((t) => ({ plannedStart: t.planned_start, plannedEnd: t.planned_end, actualStart: t.actual_start ?? null, actualEnd: t.actual_end ?? null, weight: Number(t.weight ?? 1), progress: Number(t.progress ?? 0) })),
  }));
  const schedule = projectSchedule(plan, today);
  const spend = new Map<number, { spent: number; committed: number }>();
  for (const e of rows.expenses.slice(m.expenses)) {
    const s = spend.get(e.budget_line_id) ?? { spent: 0, committed: 0 };
    if ((SPENT_EXPENSE_STATUSES as readonly string[]).includes(e.status)) s.spent += Number(e.amount_fen);
    if ((COMMITTED_EXPENSE_STATUSES as readonly string[]).includes(e.status)) s.committed += Number(e.amount_fen);
    spend.set(e.budget_line_id, s);
  }
  const cost = costSummary(rows.lines.slice(m.lines).map((l) => ({ budgetFen: Number(l.amount_fen), spentFen: spend.get(l.id!)?.spent ?? 0, committedFen: spend.get(l.id!)?.committed ?? 0 })), WARNING_PCT);
  const paid = new Map<number, number>();
  for (const p of rows.payments.slice(m.payments)) paid.set(p.invoice_id, (paid.get(p.invoice_id) ?? 0) + Number(p.amount_fen));
  const money = receivables(contractFen, rows.invoices.slice(m.invoices).map((i) => ({ amountFen: Number(i.amount_fen), paidFen: paid.get(i.id!) ?? 0, dueDate: i.due_date })), today, Number(project.write_off_fen ?? 0));
  const open = rows.issues.slice(m.issues).filter((i) => i.status !== 'closed');
  const major = open.filter((i) => i.severity === 'major').length;
  const health = projectHealth({ maxDaysLate: schedule.maxDaysLate, progressGap: schedule.progressGap, costOverrunPct: cost.overrunPct, openMajorIssues: major }, THRESHOLDS);
  const tenths = (v: number) => Math.round(v * 10);
  return {
    project_id: project.id!,
    as_of: today,
    health: health.level,
    health_factors: JSON.stringify(health.factors),
    percent_tenths: tenths(schedule.percentComplete),
    planned_tenths: tenths(schedule.plannedPercent),
    max_days_late: schedule.maxDaysLate,
    overdue_milestones: schedule.overdueMilestones,
    budget_fen: cost.budgetFen,
    spent_fen: cost.spentFen,
    committed_fen: cost.committedFen,
    usage_tenths: tenths(cost.budgetFen > 0 ? (100 * (cost.spentFen + cost.committedFen)) / cost.budgetFen : 0),
    contract_fen: money.contractFen,
    invoiced_fen: money.invoicedFen,
    received_fen: money.receivedFen,
    outstanding_fen: money.outstandingFen,
    overdue_fen: money.overdueFen,
    open_issues: open.length,
    open_major_issues: major,
    updated_at: String(project.updated_at),
  };
}

const CHUNK = 2_000;

async function insertChunk(ctx: DatasetContext, rows: Rows, stats: Insertable<DB['project_stats']>[], counts: Record<string, number>) {
  const tables: [keyof DB & string, unknown[]][] = [
    ['projects', rows.projects], ['project_milestones', rows.milestones], ['project_budget_lines', rows.lines], ['project_members', rows.members], ['project_tasks', rows.tasks],
    ['project_progress_reports', rows.reports], ['project_issues', rows.issues], ['project_change_requests', rows.changes], ['project_expenses', rows.expenses],
    ['project_acceptances', rows.acceptances], ['project_acceptance_items', rows.items], ['project_invoices', rows.invoices], ['project_payments', rows.payments],
    ['attachments', rows.attachments], ['project_documents', rows.documents], ['project_document_versions', rows.docVersions], ['project_retrospectives', rows.retros], ['project_stats', stats],
  ];
  for (const [table, list] of tables) {
    await insertBulk(ctx.db, ctx.engine, table, list as never[]);
    counts[table] = (counts[table] ?? 0) + list.length;
  }
  if (ctx.engine === 'sqlite' && rows.retros.length) {
    // The lessons index, filled the way saveRetrospective keeps it (PostgreSQL indexes the column itself).
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.retros.length; i += 500) {
        const chunk = rows.retros.slice(i, i + 500);
        await sql`insert into lessons_fts (rowid, search_text) values ${sql.join(chunk.map((r) => sql`(${r.id}, ${r.search_text})`))}`.execute(trx);
      }
    });
  }
  // Contracts of closed projects the manager marked completed.
  await ctx.db.transaction().execute(async (trx) => {
    for (const c of rows.completed) {
      await trx.updateTable('contracts').set({ status: 'completed', version: sql`version + 1`, updated_at: c.at }).where('id', '=', c.id).execute();
    }
  });
}

/**
 * Delivery [3.2–3.3]: one project per signed contract, created as signing creates it, then run
 * to where it would stand now — team, plan, reports, issues, changes, expenses with approvals,
 * acceptance, invoices and payments, the archive, retrospectives (with the lessons index) and figures.
 */
export const deliveryDataset: DatasetPart = {
  module: 'delivery',
  async generate(ctx) {
    const people = await loadPeople(ctx);
    const now = ctx.now.getTime();
    const today = localDate(ctx.now);
    collectGarbage();
    const contracts = await signedContracts(ctx, people);
    const codes = new Codes();
    const approvals = await new ApprovalWriter(ctx, now - NOTIFY_DAYS * DAY).init();
    const counts: Record<string, number> = {};
    const progress = new Progress('delivery (projects)', contracts.length);
    // In chunks of projects, each inserted before the next is planned, so memory stays bounded at L.
    let offsets = mark(emptyRows());
    for (let from = 0; from < contracts.length; from += CHUNK) {
      const rows = emptyRows();
      const stats: Insertable<DB['project_stats']>[] = [];
      for (const k of contracts.slice(from, from + CHUNK)) {
        const m = mark(rows);
        planProject(ctx, people, k, rows, codes, approvals, now - AUDIT_DAYS * DAY, offsets);
        const project = rows.projects[rows.projects.length - 1]!;
        if (project.status !== 'planning') stats.push(statsOf(rows, m, project, k.amountFen, today));
      }
      await insertChunk(ctx, rows, stats, counts);
      offsets = Object.fromEntries(Object.entries(offsets).map(([key, n]) => [key, n + (rows[key as keyof Rows] as unknown[]).length])) as Mark;
      progress.tick(rows.projects.length);
      collectGarbage();
    }
    progress.finish();
    Object.assign(counts, await approvals.flush());
    await ctx.db.insertInto('counters').values(counterRows(codes.seqs)).execute();
    return counts;
  },
};
