import { describe, expect, it } from 'vitest';
import { contractCreateSchema, formatContractNumber } from './contract.schema.js';

const base = {
  proposalId: 1,
  title: '合同',
  partyA: '甲方',
  partyB: '乙方',
  amountFen: 100_000,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  instalments: [
    { name: '预付款', amountFen: 30_000, dueDate: '2026-01-15' },
    { name: '尾款', amountFen: 70_000, dueDate: '2026-12-31' },
  ],
};

describe('contract rules', () => {
  it.each([
    ['YY-{year}-{seq:4}', 2026, 1, 'YY-2026-0001'],
    ['YY-{year}-{seq:4}', 2026, 12345, 'YY-2026-12345'],
    ['HT{year}{seq:3}', 2027, 7, 'HT2027007'],
    ['C-{seq}', 2026, 42, 'C-42'],
  ])('%s, %i, %i → %s', (format, year, seq, expected) => {
    expect(formatContractNumber(format, year, seq)).toBe(expected);
  });

  it.each([
    ['valid', {}, null],
    ['instalments short of the amount', { amountFen: 100_001 }, 'instalments'],
    ['end before start', { endDate: '2025-12-31' }, 'endDate'],
    ['negative amount', { amountFen: -1 }, 'amountFen'],
    ['fractional fen', { amountFen: 10.5 }, 'amountFen'],
  ])('%s', (_, patch, field) => {
    const r = contractCreateSchema.safeParse({ ...base, ...patch });
    if (field === null) expect(r.success).toBe(true);
    else expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});
