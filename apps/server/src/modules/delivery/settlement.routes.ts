import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { invoiceCreateSchema, invoiceSchema, paymentCreateSchema, paymentSchema, settlementSchema } from '@domain/delivery/settlement.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { createInvoice, getSettlement, listInvoices, listPayments, recordPayment } from './settlement.service.js';

const tags = ['projects'];

export const settlementRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/settlement',
    summary: 'Instalments, invoices, payments, receivables and overdue amounts with their ageing',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    response: settlementSchema,
    handler: ({ params, deps, db, meta }) => getSettlement(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/invoices',
    summary: 'Invoices issued against the contract’s instalments',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    response: listEnvelope(invoiceSchema),
    handler: ({ params, deps, db, meta }) => listInvoices(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/invoices',
    summary: 'Record an invoice against an instalment (finance, or the project’s PM)',
    tags,
    access: { permission: 'invoice.create' },
    params: idParamsSchema,
    body: invoiceCreateSchema,
    response: invoiceSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => createInvoice(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/payments',
    summary: 'Payments received',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    response: listEnvelope(paymentSchema),
    handler: ({ params, db, meta }) => listPayments(db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/payments',
    summary: 'Record a payment received against an invoice (finance); never above its outstanding balance',
    tags,
    access: { permission: 'payment.create' },
    params: idParamsSchema,
    body: paymentCreateSchema,
    response: paymentSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => recordPayment(deps, db, meta, params.id, body),
  }),
];
