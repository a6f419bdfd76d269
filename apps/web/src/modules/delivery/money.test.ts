import { describe, expect, it } from 'vitest';
import { fenToWan, yuanToFen } from './money';

describe('money input', () => {
  it.each([
    ['1860.50', 186050],
    ['1,860.5', 186050],
    ['¥ 12', 1200],
    ['0.01', 1],
    ['1.005', null],
    ['-5', null],
    ['abc', null],
    ['', null],
  ])('%j → %s fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it('shows 万元 with two decimals', () => {
    expect(fenToWan(159_000_00)).toBe(15.9);
    expect(fenToWan(123_456_789)).toBe(123.46);
  });
});
