import { z } from 'zod';
import { LIMITS, isoDate, requiredShortText } from '../shared/common.schema.js';
import { ageingSchema, receivablesSchema } from './project.schema.js';

const int = z.number().int();

/** [3.3.3] an invoice against one of the contract's instalments. */
export const invoiceCreateSchema = z.strictObject({
  instalmentId: z.number().int().positive(),
  number: requiredShortText,
  amountFen: z.number().int().min(1).max(1e13),
  issuedDate: isoDate,
  note: z.string().trim().max(LIMITS.medium).default(''),
});

export const invoiceSchema = z.object({
  id: int,
  projectId: int,
  instalmentId: int,
  instalmentName: z.string(),
  number: z.string(),
  amountFen: int,
  issuedDate: z.string(),
  dueDate: z.string(),
  paidFen: int,
  outstandingFen: int,
  overdueDays: int,
  note: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type InvoiceDto = z.infer<typeof invoiceSchema>;

/** A payment received against an invoice; never more than what is outstanding on it. */
export const paymentCreateSchema = z.strictObject({
  invoiceId: z.number().int().positive(),
  amountFen: z.number().int().min(1).max(1e13),
  receivedDate: isoDate,
  note: z.string().trim().max(LIMITS.medium).default(''),
});

export const paymentSchema = z.object({
  id: int,
  projectId: int,
  invoiceId: int,
  invoiceNumber: z.string(),
  amountFen: int,
  receivedDate: z.string(),
  note: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PaymentDto = z.infer<typeof paymentSchema>;

export const instalmentStatusSchema = z.object({
  id: int,
  seq: int,
  name: z.string(),
  amountFen: int,
  dueDate: z.string(),
  invoicedFen: int,
  receivedFen: int,
});

/** Everything about the money of one project. */
export const settlementSchema = z.object({
  asOf: z.string(),
  dueDays: int,
  receivables: receivablesSchema,
  ageing: ageingSchema,
  instalments: z.array(instalmentStatusSchema),
  invoices: z.array(invoiceSchema),
  payments: z.array(paymentSchema),
  writeOffReason: z.string().nullable(),
});
export type SettlementDto = z.infer<typeof settlementSchema>;
