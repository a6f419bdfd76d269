import { describe, expect, it } from 'vitest';
import { ageingBucket, invoiceDueDate, overdueDays, receivables, receivablesAgeing } from './receivables.rules.js';
import { documentChecklist, missingForClose } from './documents.rules.js';
import { acceptanceChecklist, unpassedItems } from './acceptance.rules.js';
import { canUseTrigram, ftsPhrase, normalizeSearch, snippetAround } from './lessons.rules.js';

describe('receivables', () => {
  const invoices = [
    { amountFen: 300_000, paidFen: 300_000, dueDate: '2026-09-01' },
    { amountFen: 400_000, paidFen: 100_000, dueDate: '2026-10-01' },
    { amountFen: 200_000, paidFen: 0, dueDate: '2026-12-10' },
  ];

  it('due date is issue date plus the setting days', () => {
    expect(invoiceDueDate('2026-11-20', 30)).toBe('2026-12-20');
  });

  it.each([
    [0, 'current'],
    [1, 'd1_30'],
    [30, 'd1_30'],
    [31, 'd31_60'],
    [61, 'd61_90'],
    [91, 'd90_plus'],
  ] as const)('%s days overdue → %s', (days, bucket) => {
    expect(ageingBucket(days)).toBe(bucket);
  });

  it('ages outstanding balances only', () => {
    expect(overdueDays(invoices[0]!, '2026-11-25')).toBe(0);
    expect(overdueDays(invoices[1]!, '2026-11-25')).toBe(55);
    expect(receivablesAgeing(invoices, '2026-11-25')).toEqual({ current: 200_000, d1_30: 0, d31_60: 300_000, d61_90: 0, d90_plus: 0 });
  });

  it('sums a contract’s receivables and knows when it is settled', () => {
    expect(receivables(1_000_000, invoices, '2026-11-25')).toEqual({
      contractFen: 1_000_000,
      invoicedFen: 900_000,
      receivedFen: 400_000,
      outstandingFen: 500_000,
      overdueFen: 300_000,
      uninvoicedFen: 100_000,
      writtenOffFen: 0,
      settled: false,
    });
    expect(receivables(400_000, [{ amountFen: 400_000, paidFen: 400_000, dueDate: '2026-01-01' }], '2026-11-25').settled).toBe(true);
    const writtenOff = receivables(1_000_000, invoices, '2026-11-25', 600_000);
    expect(writtenOff).toMatchObject({ settled: true, outstandingFen: 0, overdueFen: 0, uninvoicedFen: 0 });
    expect(receivables(1_000_000, invoices, '2026-11-25', 200_000)).toMatchObject({ settled: false, outstandingFen: 300_000, overdueFen: 300_000, uninvoicedFen: 100_000 });
  });
});

describe('required documents', () => {
  const policy = { executing: ['contract', 'plan'], settlement: ['acceptance'] } as const;

  it('lists each stage’s documents, archived or not, due once the stage is reached', () => {
    const list = documentChecklist(policy as never, 'executing', new Set(['plan']));
    expect(list).toEqual([
      { stage: 'executing', category: 'contract', present: false, due: true },
      { stage: 'executing', category: 'plan', present: true, due: true },
      { stage: 'settlement', category: 'acceptance', present: false, due: false },
    ]);
  });

  it('closing needs every stage’s documents', () => {
    expect(missingForClose(policy as never, new Set(['plan']))).toEqual(['contract', 'acceptance']);
    expect(missingForClose(policy as never, new Set(['plan', 'contract', 'acceptance', 'minutes']))).toEqual([]);
  });
});

describe('acceptance checklist', () => {
  it('takes deliverables from milestones, then quality standards', () => {
    const items = acceptanceChecklist(
      [
        { name: '现状调研', deliverable: '调研报告' },
        { name: '方案设计', deliverable: '流程设计说明书、系统配置清单' },
        { name: '试点', deliverable: '' },
        { name: '复盘', deliverable: '调研报告' },
      ],
      ['交付文档齐全、格式规范'],
    );
    expect(items.map((i) => [i.source, i.name])).toEqual([
      ['deliverable', '调研报告'],
      ['deliverable', '流程设计说明书'],
      ['deliverable', '系统配置清单'],
      ['deliverable', '试点'],
      ['quality', '交付文档齐全、格式规范'],
    ]);
  });

  it('an item not passed blocks', () => {
    expect(unpassedItems([{ result: 'pass' }, { result: 'fail' }, { result: 'pending' }])).toHaveLength(2);
  });
});

describe('lesson search text', () => {
  it.each([
    ['  需求  变更 ', '需求 变更', true],
    ['需求', '需求', false],
    ['ab', 'ab', false],
    ['abc', 'abc', true],
  ])('%j → %j (trigram: %s)', (q, normal, trigram) => {
    expect(normalizeSearch(q)).toBe(normal);
    expect(canUseTrigram(normalizeSearch(q))).toBe(trigram);
  });

  it('quotes phrases and cuts snippets', () => {
    expect(ftsPhrase('say "hi"')).toBe('"say ""hi"""');
    expect(snippetAround('项目初期需求变更频繁，导致返工', '需求变更', 2)).toBe('…初期需求变更频繁…');
    expect(snippetAround('Weekly SYNC with customer', 'sync', 100)).toBe('Weekly SYNC with customer');
    expect(snippetAround('abc', 'x')).toBeNull();
  });
});
