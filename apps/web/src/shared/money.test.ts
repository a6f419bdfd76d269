import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, instalmentBalance, roundYuanTextToFen, sumFen, yuanTextToFen } from './money';

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

describe('yuan typed → fen', () => {
  it.each([
    ['12345.67', 1234567],
    ['12,345.6', 1234560],
    ['¥ 1,000', 100000],
    ['0.1', 10],
    ['0.29', 29],
    ['19.99', 1999],
    ['1.', 100],
    ['.5', 50],
    [' 88 ', 8800],
    ['-3.5', -350],
    ['1.005', 101],
    ['1.004', 100],
    ['12345.678', 1234568],
    ['0.295', 30],
  ])('%j → %d fen', (text, fen) => {
    expect(roundYuanTextToFen(text)).toBe(fen);
  });

  it.each(['', '.', 'abc', '1.2.3', '--1', '1e5'])('%j is not an amount', (text) => {
    expect(roundYuanTextToFen(text)).toBeNull();
  });

  it('avoids floating point error on numbers too (0.29 yuan is 29 fen, not 28.999…)', () => {
    expect(roundYuanTextToFen(0.29)).toBe(29);
    expect(roundYuanTextToFen(1.15)).toBe(115);
  });

  it('round-trips with the text an input shows', () => {
    for (const fen of [0, 1, 99, 100, 1999, 1234567, 45_000_000]) expect(roundYuanTextToFen(fenToYuanText(fen))).toBe(fen);
    expect(fenToYuanText(1234567)).toBe('12345.67');
    expect(fenToYuanText(null)).toBe('');
  });
});

describe('strict yuan → fen (at most two decimals)', () => {
  it.each([
    ['12345.67', 1234567],
    ['12,345.6', 1234560],
    ['0.29', 29],
    ['1.', 100],
    ['-3.5', -350],
  ])('%j → %d fen', (text, fen) => {
    expect(yuanTextToFen(text)).toBe(fen);
  });

  it.each(['', '.5', 'abc', '1.005', '1.2.3', '1e5'])('%j is refused', (text) => {
    expect(yuanTextToFen(text)).toBeNull();
  });
});

describe('sums and payment schedules', () => {
  it('adds amounts, ignoring blanks', () => {
    expect(sumFen([{ amountFen: 100 }, { amountFen: null }, {}, { amountFen: 250 }])).toBe(350);
    expect(sumFen(undefined)).toBe(0);
  });

  it('reports whether instalments add up, and by how much they miss', () => {
    expect(instalmentBalance(1000, [{ amountFen: 300 }, { amountFen: 700 }])).toEqual({ total: 1000, amount: 1000, difference: 0, balanced: true });
    expect(instalmentBalance(1000, [{ amountFen: 300 }])).toEqual({ total: 300, amount: 1000, difference: 700, balanced: false });
    expect(instalmentBalance(1000, [{ amountFen: 1300 }]).difference).toBe(-300);
    expect(instalmentBalance(0, []).balanced).toBe(false);
  });
});
