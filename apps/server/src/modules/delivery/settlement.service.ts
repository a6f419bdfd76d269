import type { z } from 'zod';
import { invoiceDueDate, outstandingFen, overdueDays, receivablesAgeing } from '@domain/delivery/receivables.rules.js';
import { mayInvoice } from '@domain/delivery/delivery.access.js';
import type { InvoiceDto, PaymentDto, SettlementDto, invoiceCreateSchema, paymentCreateSchema } from '@domain/delivery/settlement.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { forbidden, invalid, isUniqueViolation } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { getSetting } from '../../platform/settings/settings.js';
import { requireOpen } from './delivery.scope.js';
import { salesModule } from '../sales/index.js';
import { loadProject, touchFigures } from './projects.service.js';
import { computeFigures, invoiceBalance, loadInvoices, type InvoiceRow } from './project-figures.js';
import { errorWith, refuseFutureDates, todayOf, yuan } from './delivery.support.js';

function presentInvoice(r: InvoiceRow, today: string): InvoiceDto {
  const b = invoiceBalance(r);
  return {
    id: r.id,
    projectId: r.project_id,
    instalmentId: r.instalment_id,
    instalmentName: r.instalment_name,
    number: r.number,
    amountFen: b.amountFen,
    issuedDate: r.issued_date,
    dueDate: r.due_date,
    paidFen: b.paidFen,
    outstandingFen: outstandingFen(b),
    overdueDays: overdueDays(b, today),
    note: r.note,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

function loadPayments(db: Executor, projectId: number) {
  return db
    .selectFrom('project_payments as p')
    .innerJoin('project_invoices as i', 'i.id', 'p.invoice_id')
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .selectAll('p')
    .select(['i.number as invoice_number', 'u.name as created_by_name'])
    .where('p.project_id', '=', projectId)
    .orderBy('p.received_date')
    .orderBy('p.id')
    .execute();
}

function presentPayment(r: Awaited<ReturnType<typeof loadPayments>>[number]): PaymentDto {
  return { id: r.id, projectId: r.project_id, invoiceId: r.invoice_id, invoiceNumber: r.invoice_number, amountFen: Number(r.amount_fen), receivedDate: r.received_date, note: r.note, createdByName: r.created_by_name, createdAt: r.created_at };
}

/** [3.3.3] the contract's instalments, invoices, payments, receivables and their ageing. */
export async function getSettlement(deps: Deps, db: Executor, meta: RequestMeta, projectId: number): Promise<SettlementDto> {
  const project = await loadProject(db, meta, projectId);
  const today = todayOf(deps);
  const [figures, payments, instalments, dueDays] = await Promise.all([
    computeFigures(db, project, today),
    loadPayments(db, projectId),
    salesModule.queries.contractInstalments(db, project.contract_id),
    getSetting(db, 'delivery.receivable.dueDays', today),
  ]);
  return {
    asOf: today,
    dueDays,
    receivables: figures.receivables,
    ageing: receivablesAgeing(figures.invoices.map(invoiceBalance), today),
    instalments: instalments.map((i) => {
      const mine = figures.invoices.filter((v) => v.instalment_id === i.id);
      return { id: i.id, seq: i.seq, name: i.name, amountFen: Number(i.amount_fen), dueDate: i.due_date, invoicedFen: mine.reduce((s, v) => s + Number(v.amount_fen), 0), receivedFen: mine.reduce((s, v) => s + Number(v.paid_fen), 0) };
    }),
    invoices: figures.invoices.map((r) => presentInvoice(r, today)),
    payments: payments.map(presentPayment),
    writeOffReason: project.write_off_reason,
  };
}

export async function listInvoices(deps: Deps, db: Executor, meta: RequestMeta, projectId: number) {
  await loadProject(db, meta, projectId);
  const today = todayOf(deps);
  const items = (await loadInvoices(db, projectId)).map((r) => presentInvoice(r, today));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

export async function listPayments(db: Executor, meta: RequestMeta, projectId: number) {
  await loadProject(db, meta, projectId);
  const items = (await loadPayments(db, projectId)).map(presentPayment);
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

/** An invoice against one of the contract's instalments, never beyond what is left to invoice on it; due after the setting's days. */
export function createInvoice(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: z.infer<typeof invoiceCreateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    if (!mayInvoice(meta.actor, { pmId: project.pm_id })) throw forbidden();
    requireOpen(project);
    const today = todayOf(deps);
    refuseFutureDates({ issuedDate: input.issuedDate }, today);
    const instalment = await salesModule.queries.contractInstalment(trx, project.contract_id, input.instalmentId);
    if (!instalment) throw invalid({ instalmentId: 'field.notInProject' });
    const invoiced = await trx.selectFrom('project_invoices').select((eb) => eb.fn.sum<number>('amount_fen').as('s')).where('instalment_id', '=', instalment.id).executeTakeFirst();
    const remaining = Number(instalment.amount_fen) - Number(invoiced?.s ?? 0);
    if (input.amountFen > remaining) throw errorWith(meta, 400, 'VALIDATION_FAILED', { amountFen: ['field.invoiceOverInstalment', { remaining: yuan(remaining) }] });
    const at = nowIso(deps);
    const dueDate = invoiceDueDate(input.issuedDate, await getSetting(trx, 'delivery.receivable.dueDays', today));
    let id: number;
    try {
      ({ id } = await trx
        .insertInto('project_invoices')
        .values({ project_id: projectId, instalment_id: instalment.id, number: input.number, amount_fen: input.amountFen, issued_date: input.issuedDate, due_date: dueDate, note: input.note, created_by: meta.actor.id, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow());
    } catch (err) {
      if (isUniqueViolation(err)) throw errorWith(meta, 409, 'DUPLICATE', { number: ['field.taken'] });
      throw err;
    }
    const dto = presentInvoice((await loadInvoices(trx, projectId)).find((r) => r.id === id)!, today);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'project_invoice', entityId: id, after: dto }, at);
    await touchFigures(deps, trx, project);
    return dto;
  });
}

/** A payment received against an invoice; more than its outstanding balance is refused. */
export function recordPayment(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: z.infer<typeof paymentCreateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireOpen(project);
    const today = todayOf(deps);
    refuseFutureDates({ receivedDate: input.receivedDate }, today);
    // Lock the invoice so two payments at once cannot both fit under its balance.
    let q = trx.selectFrom('project_invoices').selectAll().where('id', '=', input.invoiceId).where('project_id', '=', projectId);
    if (deps.engine === 'postgres') q = q.forUpdate();
    const invoice = await q.executeTakeFirst();
    if (!invoice) throw invalid({ invoiceId: 'field.notInProject' });
    const paid = await trx.selectFrom('project_payments').select((eb) => eb.fn.sum<number>('amount_fen').as('s')).where('invoice_id', '=', invoice.id).executeTakeFirst();
    const outstanding = Number(invoice.amount_fen) - Number(paid?.s ?? 0);
    if (input.amountFen > outstanding) throw errorWith(meta, 400, 'VALIDATION_FAILED', { amountFen: ['field.paymentOverOutstanding', { outstanding: yuan(outstanding) }] });
    const at = nowIso(deps);
    const { id } = await trx
      .insertInto('project_payments')
      .values({ project_id: projectId, invoice_id: invoice.id, amount_fen: input.amountFen, received_date: input.receivedDate, note: input.note, created_by: meta.actor.id, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dto = presentPayment((await loadPayments(trx, projectId)).find((p) => p.id === id)!);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'project_payment', entityId: id, after: dto }, at);
    await touchFigures(deps, trx, project);
    return dto;
  });
}
