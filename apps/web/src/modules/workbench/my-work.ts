import type { MyWorkItem } from './api';

/** The groups "my work" shows, in the order a manager or specialist works through them. */
export const MY_WORK_GROUPS = [
  'review',
  'evaluate-lead',
  'assign-lead',
  'sign-contract',
  'analyze-lead',
  'draft-proposal',
  'proposal-returned',
  'proposal-draft',
  'proposal-approved',
  'proposal-sent',
  'other',
] as const;
export type MyWorkGroup = (typeof MY_WORK_GROUPS)[number];

export function groupOf(kind: string): MyWorkGroup {
  if (kind.startsWith('review-')) return 'review';
  return (MY_WORK_GROUPS as readonly string[]).includes(kind) ? (kind as MyWorkGroup) : 'other';
}

/** Where an item is worked on. */
export function linkOf(item: MyWorkItem, approvalLink?: (entity: string, id: number) => string | undefined): string {
  switch (item.kind) {
    case 'evaluate-lead':
    case 'assign-lead':
    case 'analyze-lead':
      return `/leads/${item.id}`;
    case 'draft-proposal':
      return `/proposals/new?leadId=${item.id}`;
    case 'sign-contract':
      return `/contracts/${item.id}`;
    default:
      if (item.entity === 'proposal') return `/proposals/${item.id}`;
      return approvalLink?.(item.entity, item.id) ?? '/approvals';
  }
}

/** Items grouped (oldest first within a group), empty groups dropped. */
export function groupItems(items: readonly MyWorkItem[]): { group: MyWorkGroup; items: MyWorkItem[] }[] {
  return MY_WORK_GROUPS.map((group) => ({
    group,
    items: items.filter((i) => groupOf(i.kind) === group).sort((a, b) => a.since.localeCompare(b.since)),
  })).filter((g) => g.items.length > 0);
}
