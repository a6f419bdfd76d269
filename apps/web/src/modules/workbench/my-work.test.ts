import { describe, expect, it } from 'vitest';
import { groupItems, groupOf, linkOf } from './my-work';

const item = (kind: string, entity: string, id: number, since = '2026-11-20T00:00:00Z') => ({ kind, entity, id, title: `${kind}-${id}`, status: '', since });

describe('my work', () => {
  it('groups reviews of any record together and keeps unknown kinds', () => {
    expect(groupOf('review-proposal')).toBe('review');
    expect(groupOf('review-expense')).toBe('review');
    expect(groupOf('evaluate-lead')).toBe('evaluate-lead');
    expect(groupOf('something-new')).toBe('other');
  });

  it('links each item to where it is worked on', () => {
    expect(linkOf(item('evaluate-lead', 'lead', 3))).toBe('/leads/3');
    expect(linkOf(item('draft-proposal', 'lead', 4))).toBe('/proposals/new?leadId=4');
    expect(linkOf(item('proposal-returned', 'proposal', 5))).toBe('/proposals/5');
    expect(linkOf(item('review-proposal', 'proposal', 6))).toBe('/proposals/6');
    expect(linkOf(item('sign-contract', 'contract', 7))).toBe('/contracts/7');
    expect(linkOf(item('review-expense', 'expense', 8), (e, id) => `/${e}s/${id}`)).toBe('/expenses/8');
    expect(linkOf(item('review-expense', 'expense', 8))).toBe('/approvals');
  });

  it('orders groups by urgency and items oldest first', () => {
    const groups = groupItems([
      item('proposal-draft', 'proposal', 1),
      item('evaluate-lead', 'lead', 2, '2026-11-22T00:00:00Z'),
      item('evaluate-lead', 'lead', 3, '2026-11-21T00:00:00Z'),
      item('review-proposal', 'proposal', 4),
    ]);
    expect(groups.map((g) => g.group)).toEqual(['review', 'evaluate-lead', 'proposal-draft']);
    expect(groups[1]?.items.map((i) => i.id)).toEqual([3, 2]);
  });
});
