import { addDays, daysBetween } from './dates.rules.js';

/** An issued invoice and what was received against it. */
export type InvoiceBalance = { amountFen: number; paidFen: number; dueDate: string };

export const AGEING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/** When an invoice's payment falls due: issue date plus the setting's receivable days. */
export function invoiceDueDate(issuedDate: string, dueDays: number): string {
  return addDays(issuedDate, dueDays);
}

export function outstandingFen(inv: Pick<InvoiceBalance, 'amountFen' | 'paidFen'>): number {
  return Math.max(0, inv.amountFen - inv.paidFen);
}

/** Days past due of an unpaid balance (0 when paid or not yet due). */
export function overdueDays(inv: InvoiceBalance, today: string): number {
  if (outstandingFen(inv) === 0) return 0;
  return Math.max(0, daysBetween(inv.dueDate, today));
}

export function ageingBucket(days: number): AgeingBucket {
  if (days <= 0) return 'current';
  if (days <= 30) return 'd1_30';
  if (days <= 60) return 'd31_60';
  if (days <= 90) return 'd61_90';
  return 'd90_plus';
}

/** Outstanding balances by how long they are overdue. */
export function receivablesAgeing(invoices: readonly InvoiceBalance[], today: string): Record<AgeingBucket, number> {
  const out = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, 0])) as Record<AgeingBucket, number>;
  for (const inv of invoices) {
    const open = outstandingFen(inv);
    if (open > 0) out[ageingBucket(overdueDays(inv, today))] += open;
  }
  return out;
}

export type Receivables = {
  contractFen: number;
  invoicedFen: number;
  receivedFen: number;
  /** Invoiced but not received. */
  outstandingFen: number;
  /** The part of the outstanding balance past its due date. */
  overdueFen: number;
  uninvoicedFen: number;
  writtenOffFen: number;
  /** Everything under the contract received, or the rest written off. */
  settled: boolean;
};

/** [3.3.3] where the money stands; a write-off first clears invoiced balances, then what was never invoiced. */
export function receivables(contractFen: number, invoices: readonly InvoiceBalance[], today: string, writtenOffFen = 0): Receivables {
  const invoicedFen = invoices.reduce((s, i) => s + i.amountFen, 0);
  const receivedFen = invoices.reduce((s, i) => s + i.paidFen, 0);
  const overdueFen = invoices.reduce((s, i) => s + (overdueDays(i, today) > 0 ? outstandingFen(i) : 0), 0);
  const open = invoicedFen - receivedFen;
  const clearsInvoiced = Math.min(open, writtenOffFen);
  const outstanding = open - clearsInvoiced;
  return {
    contractFen,
    invoicedFen,
    receivedFen,
    outstandingFen: outstanding,
    overdueFen: Math.min(overdueFen, outstanding),
    uninvoicedFen: Math.max(0, contractFen - invoicedFen - (writtenOffFen - clearsInvoiced)),
    writtenOffFen,
    settled: receivedFen + writtenOffFen >= contractFen,
  };
}
