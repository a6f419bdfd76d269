import { describe, expect, it } from 'vitest';
import { fenToWan, fenToYuanText, formatFen, instalmentBalance, roundYuanTextToFen, splitByPercent, sumFen, yuanTextToFen } from './money';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [1234567, '¥12,345.67'],
    [45_000_000, '¥450,000.00'],
    [100_000_000_000, '¥1,000,000,000.00'],
    [-550, '-¥5.50'],
  ])('%d fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('shows a dash for a missing amount', () => {
    expect(formatFen(null)).toBe('—');
    expect(formatFen(undefined)).toBe('—');
    expect(formatFen(Number.NaN)).toBe('—');
  });
});

describe('yuan text ↔ fen', () => {
  it.each([
    ['12345.67', 1234567],
    ['12,345.6', 1234560],
    ['¥ 1,000', 100000],
    ['0.1', 10],
    ['0.29', 29],
    ['1.', 100],
    [' 88 ', 8800],
    ['-3.5', -350],
  ])('%j → %d fen', (text, fen) => {
    expect(yuanTextToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '1.005', '1.2.3', '--1', '1e5'])('%j is not an amount', (text) => {
    expect(yuanTextToFen(text)).toBeNull();
  });

  it('avoids floating point error (0.29 yuan is 29 fen, not 28.999…)', () => {
    expect(yuanTextToFen(0.29)).toBe(29);
    expect(yuanTextToFen('19.99')).toBe(1999);
  });

  it('round-trips', () => {
    for (const fen of [0, 1, 99, 100, 1999, 1234567, 45_000_000]) expect(yuanTextToFen(fenToYuanText(fen))).toBe(fen);
    expect(fenToYuanText(null)).toBe('');
  });
});

describe('sums and schedules', () => {
  it('adds amounts, ignoring blanks', () => {
    expect(sumFen([{ amountFen: 100 }, { amountFen: null }, {}, { amountFen: 250 }])).toBe(350);
    expect(sumFen(undefined)).toBe(0);
  });

  it('reports whether instalments add up and the difference', () => {
    expect(instalmentBalance(1000, [{ amountFen: 300 }, { amountFen: 700 }])).toEqual({ total: 1000, amount: 1000, difference: 0, balanced: true });
    expect(instalmentBalance(1000, [{ amountFen: 300 }])).toEqual({ total: 300, amount: 1000, difference: 700, balanced: false });
    expect(instalmentBalance(1000, [{ amountFen: 1300 }]).difference).toBe(-300);
    expect(instalmentBalance(0, []).balanced).toBe(false);
  });

  it('splits by percent with the remainder on the last part', () => {
    expect(splitByPercent(100_001, [30, 40, 30])).toEqual([30_000, 40_000, 30_001]);
    expect(splitByPercent(1000, [100])).toEqual([1000]);
    expect(splitByPercent(999, [30, 70]).reduce((a, b) => a + b)).toBe(999);
  });

  it('converts to 万元 for charts', () => {
    expect(fenToWan(45_000_000)).toBe(45);
    expect(fenToWan(1_234_567)).toBe(1.23);
  });
});

describe('roundYuanTextToFen', () => {
  it.each([
    ['1.005', 101],
    ['1.004', 100],
    ['12345.678', 1234568],
    ['.5', 50],
    ['7', 700],
    ['0.295', 30],
  ])('%j → %d fen', (text, fen) => {
    expect(roundYuanTextToFen(text)).toBe(fen);
  });

  it.each(['', '.', 'x', '1..2'])('%j is not a number', (text) => {
    expect(roundYuanTextToFen(text)).toBeNull();
  });
});
