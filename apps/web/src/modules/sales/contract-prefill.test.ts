import { describe, expect, it } from 'vitest';
import { contractPrefill } from './contract-prefill';

describe('contractPrefill', () => {
  const content = {
    milestones: [
      { name: '方案设计', start: '2027-01-04', end: '2027-01-29', deliverable: '' },
      { name: '现状调研', start: '2026-12-01', end: '2026-12-31', deliverable: '' },
      { name: '试点实施', start: '2027-02-01', end: '2027-03-31', deliverable: '' },
    ],
    budgetLines: [
      { item: '咨询', amountFen: 25_000_000 },
      { item: '差旅', amountFen: 2_000_001 },
    ],
  };

  it('takes the total, the span of the milestones, and one instalment per milestone in date order', () => {
    const p = contractPrefill(content, (m) => `${m}完成后付款`);
    expect(p.amountFen).toBe(27_000_001);
    expect(p.startDate).toBe('2026-12-01');
    expect(p.endDate).toBe('2027-03-31');
    expect(p.instalments.map((i) => i.name)).toEqual(['现状调研完成后付款', '方案设计完成后付款', '试点实施完成后付款']);
    expect(p.instalments.map((i) => i.dueDate)).toEqual(['2026-12-31', '2027-01-29', '2027-03-31']);
  });

  it('splits into equal parts that add up exactly, the remainder on the last', () => {
    const p = contractPrefill(content, (m) => m);
    expect(p.instalments.map((i) => i.amountFen)).toEqual([9_000_000, 9_000_000, 9_000_001]);
    expect(p.instalments.reduce((s, i) => s + i.amountFen, 0)).toBe(p.amountFen);
  });

  it('copes with a proposal without milestones', () => {
    expect(contractPrefill({ milestones: [], budgetLines: [{ item: 'x', amountFen: 100 }] }, (m) => m)).toEqual({ amountFen: 100, startDate: null, endDate: null, instalments: [] });
  });
});
