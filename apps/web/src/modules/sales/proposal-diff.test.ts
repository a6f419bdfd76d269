import { describe, expect, it } from 'vitest';
import { changeRows, lineDiff } from './proposal-diff';

describe('lineDiff', () => {
  it('keeps common lines and marks removed and added ones in order', () => {
    expect(lineDiff('调研\n设计\n实施', '调研\n详细设计\n实施\n培训')).toEqual([
      { op: 'same', text: '调研' },
      { op: 'del', text: '设计' },
      { op: 'add', text: '详细设计' },
      { op: 'same', text: '实施' },
      { op: 'add', text: '培训' },
    ]);
  });

  it('handles empty sides and Windows line ends', () => {
    expect(lineDiff('', 'a')).toEqual([{ op: 'add', text: 'a' }]);
    expect(lineDiff('a\r\nb', '')).toEqual([
      { op: 'del', text: 'a' },
      { op: 'del', text: 'b' },
    ]);
    expect(lineDiff('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
  });
});

describe('changeRows', () => {
  it('reads the API changes of a revision', () => {
    const rows = changeRows([
      { field: 'totalFen', before: 27_000_000, after: 29_000_000 },
      { field: 'budgetLines.1', before: { item: '差旅', amountFen: 2_000_000 }, after: { item: '差旅', amountFen: 4_000_000 } },
      { field: 'milestones.3', before: null, after: { name: '风险预案', start: '2027-01-01', end: '2027-01-10', deliverable: '预案' } },
      { field: 'goals', before: '旧目标', after: '新目标' },
      { field: 'milestones.0', before: { name: '调研', start: '2026-12-01', end: '2026-12-31', deliverable: '' }, after: null },
    ]);
    expect(rows.map((r) => r.key)).toEqual(['goals', 'milestones.0', 'milestones.3', 'budgetLines.1', 'totalFen']);
    expect(rows[0]).toMatchObject({ kind: 'text', section: 'goals', lines: [{ op: 'del', text: '旧目标' }, { op: 'add', text: '新目标' }] });
    expect(rows[1]).toMatchObject({ kind: 'item', section: 'milestones', index: 0, change: 'removed' });
    expect(rows[2]).toMatchObject({ kind: 'item', index: 3, change: 'added' });
    const budget = rows[3];
    expect(budget?.kind === 'item' && budget.fields.filter((f) => f.changed).map((f) => f.name)).toEqual(['amountFen']);
    expect(rows[4]).toEqual({ key: 'totalFen', kind: 'total', before: 27_000_000, after: 29_000_000, delta: 2_000_000 });
  });

  it('treats a missing and an empty optional value as the same', () => {
    const [row] = changeRows([{ field: 'budgetLines.0', before: { item: 'A', amountFen: 1 }, after: { item: 'A', amountFen: 2, note: '' } }]);
    expect(row?.kind === 'item' && row.fields.find((f) => f.name === 'note')?.changed).toBe(false);
  });

  it('keeps fields it does not know as they are', () => {
    expect(changeRows([{ field: 'customerId', before: 1, after: 2 }])).toEqual([{ key: 'customerId', kind: 'other', field: 'customerId', before: 1, after: 2 }]);
  });
});
