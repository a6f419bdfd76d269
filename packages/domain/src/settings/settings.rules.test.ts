import { describe, expect, it } from 'vitest';
import { localDate, versionInForce, type SettingVersion } from './settings.rules.js';

const versions: SettingVersion<number>[] = [
  { id: 1, value: 30, effectiveFrom: '2026-01-01' },
  { id: 2, value: 45, effectiveFrom: '2026-07-01' },
  { id: 3, value: 40, effectiveFrom: '2026-07-01' },
  { id: 4, value: 60, effectiveFrom: '2027-01-01' },
];

describe('versionInForce', () => {
  it.each([
    ['2025-12-31', null],
    ['2026-01-01', 30],
    ['2026-06-30', 30],
    ['2026-07-01', 40],
    ['2026-12-31', 40],
    ['2027-01-01', 60],
    ['2099-01-01', 60],
  ])('on %s → %s', (onDate, expected) => {
    expect(versionInForce(versions, onDate)?.value ?? null).toBe(expected);
  });

  it('does not depend on the order the versions come in', () => {
    expect(versionInForce([...versions].reverse(), '2026-08-01')?.id).toBe(3);
  });

  it('answers null for no versions', () => {
    expect(versionInForce([], '2026-01-01')).toBeNull();
  });
});

describe('localDate', () => {
  it('formats the local calendar date', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
