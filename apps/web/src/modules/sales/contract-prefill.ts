import type { ProposalContent } from '@domain/sales/proposal.schema.js';
import { sumFen } from '../../shared/money';

export type InstalmentDraft = { name: string; amountFen: number; dueDate: string };
export type ContractPrefill = { amountFen: number; startDate: string | null; endDate: string | null; instalments: InstalmentDraft[] };

/**
 * A contract drafted from the accepted proposal: its total as the amount, the milestones' span
 * as the term, and one instalment per milestone due at its end (equal parts, the remainder on
 * the last one) — a starting point the author then adjusts.
 */
export function contractPrefill(content: Pick<ProposalContent, 'milestones' | 'budgetLines'>, instalmentName: (milestone: string) => string): ContractPrefill {
  const amountFen = sumFen(content.budgetLines);
  const milestones = [...content.milestones].sort((a, b) => a.end.localeCompare(b.end));
  const starts = content.milestones.map((m) => m.start).sort();
  const ends = content.milestones.map((m) => m.end).sort();
  const n = milestones.length;
  const share = n > 0 ? Math.floor(amountFen / n) : 0;
  const instalments = milestones.map((m, i) => ({
    name: instalmentName(m.name),
    amountFen: i === n - 1 ? amountFen - share * (n - 1) : share,
    dueDate: m.end,
  }));
  return { amountFen, startDate: starts[0] ?? null, endDate: ends[ends.length - 1] ?? null, instalments };
}
