import { describe, expect, it } from 'vitest';
import { formatFen, roundHalfUp, yuanToFen } from './money.js';

describe('money', () => {
  it.each([
    [1.005, 2, 1.01],
    [1.004, 2, 1],
    [2.675, 2, 2.68],
    [-1.005, 2, -1.01],
    [79.995, 2, 80],
    [0.125, 2, 0.13],
    [59.994999, 2, 59.99],
    [85.5, 0, 86],
  ])('roundHalfUp(%s, %s) = %s', (value, digits, expected) => {
    expect(roundHalfUp(value, digits)).toBe(expected);
  });

  it('converts yuan to fen without float drift', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
  });

  it('formats fen as CNY', () => {
    expect(formatFen(123456, 'zh-CN')).toBe('¥1,234.56');
  });
});
