import type { ProposalContent } from './proposal.schema.js';

export function proposalTotalFen(lines: readonly { amountFen: number }[]): number {
  return lines.reduce((sum, l) => sum + l.amountFen, 0);
}

export type FieldChange = { field: string; before: unknown; after: unknown };

/** What changed between two versions, field by field; list fields compare item by item. */
export function diffProposalContent(before: ProposalContent, after: ProposalContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ['title', 'goals', 'workContent', 'assumptions'] as const) {
    if (before[field] !== after[field]) changes.push({ field, before: before[field], after: after[field] });
  }
  for (const field of ['milestones', 'budgetLines'] as const) {
    const a = before[field] as unknown[];
    const b = after[field] as unknown[];
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) changes.push({ field: `${field}.${i}`, before: a[i] ?? null, after: b[i] ?? null });
    }
  }
  const ta = proposalTotalFen(before.budgetLines);
  const tb = proposalTotalFen(after.budgetLines);
  if (ta !== tb) changes.push({ field: 'totalFen', before: ta, after: tb });
  return changes;
}
