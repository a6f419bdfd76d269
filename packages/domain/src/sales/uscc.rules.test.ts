import { describe, expect, it } from 'vitest';
import { isValidUscc, withUsccCheck } from './uscc.rules.js';

describe('USCC checksum', () => {
  it.each([
    ['91350100M000100Y43', true],
    ['91110000802100433B', true],
    ['91350100M000100Y44', false],
    ['91110000802100433b', true],
    ['9111000080210043', false],
    ['91110000802100433I', false],
    ['', false],
  ])('%s → %s', (code, ok) => {
    expect(isValidUscc(code)).toBe(ok);
  });

  it('completes a body with its check character', () => {
    expect(isValidUscc(withUsccCheck('91310000MA1FL0000'))).toBe(true);
  });
});
