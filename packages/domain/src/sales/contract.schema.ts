import { z } from 'zod';
import { LIMITS, isoDate, listQueryBase, recordMetaSchema, requiredShortText, shortText, versionField } from '../shared/common.schema.js';
import { CONTRACT_STATUSES } from './contract.machine.js';

const fen = z.number().int().min(0).max(1e13);

export const instalmentSchema = z.strictObject({ name: requiredShortText, amountFen: fen, dueDate: isoDate });

const contractFields = {
  title: requiredShortText,
  number: shortText.regex(/^[A-Za-z0-9-]*$/, 'field.invalidFormat').optional(),
  partyA: requiredShortText,
  partyB: requiredShortText,
  amountFen: fen.min(1),
  startDate: isoDate,
  endDate: isoDate,
  instalments: z.array(instalmentSchema).min(1).max(60),
  terms: z.string().max(LIMITS.text).default(''),
  attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
};

/** Shared checks: dates in order; instalments add up to the amount (money in integer fen). */
function contractChecks(v: { startDate?: string; endDate?: string; amountFen?: number; instalments?: { amountFen: number }[] }, ctx: z.RefinementCtx) {
  if (v.startDate && v.endDate && v.startDate > v.endDate) ctx.addIssue({ code: 'custom', message: 'field.dateOrder', path: ['endDate'] });
  if (v.amountFen !== undefined && v.instalments) {
    const sum = v.instalments.reduce((s, i) => s + i.amountFen, 0);
    if (sum !== v.amountFen) ctx.addIssue({ code: 'custom', message: 'field.instalmentsSum', path: ['instalments'] });
  }
}

export const contractCreateSchema = z.strictObject({ proposalId: z.number().int().positive(), ...contractFields }).superRefine(contractChecks);
export type ContractCreate = z.infer<typeof contractCreateSchema>;

export const contractUpdateSchema = z
  .strictObject({ version: versionField, ...contractFields })
  .partial()
  .required({ version: true })
  .superRefine(contractChecks);
export type ContractUpdate = z.infer<typeof contractUpdateSchema>;

export const contractSignSchema = z.strictObject({ signedDate: isoDate });

export const contractSchema = recordMetaSchema.extend({
  number: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  title: z.string(),
  proposalId: z.number().int(),
  leadId: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  ownerId: z.number().int(),
  ownerName: z.string(),
  partyA: z.string(),
  partyB: z.string(),
  amountFen: z.number().int(),
  signedDate: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  instalments: z.array(z.object({ id: z.number().int(), name: z.string(), amountFen: z.number().int(), dueDate: z.string() })),
  terms: z.string(),
  projectId: z.number().int().nullable(),
  actions: z.array(z.string()),
});
export type ContractDto = z.infer<typeof contractSchema>;

export const contractListQuery = z.strictObject({
  ...listQueryBase,
  status: z.enum(CONTRACT_STATUSES).optional(),
  customerId: z.coerce.number().int().positive().optional(),
});

/** Contract number from the format in the settings, e.g. `YY-{year}-{seq:4}` → YY-2026-0001. */
export function formatContractNumber(format: string, year: number, seq: number): string {
  return format.replace('{year}', String(year)).replace(/\{seq(?::(\d+))?\}/, (_, width: string | undefined) => String(seq).padStart(Number(width ?? 1), '0'));
}
