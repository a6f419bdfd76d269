import { describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS, POLICY_KEYS, isPolicyKey } from './policy.defaults.js';

describe('POLICY_DEFAULTS', () => {
  it.each(POLICY_KEYS)('%s: the default satisfies its own schema and is described', (key) => {
    const def = POLICY_DEFAULTS[key];
    expect(def.schema.safeParse(def.default).success).toBe(true);
    expect(def.description.zh.length).toBeGreaterThan(0);
    expect(def.description.en.length).toBeGreaterThan(0);
    expect(key).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/);
  });

  it.each([
    ['sales.pool.idleDays', 0, false],
    ['sales.pool.idleDays', 45, true],
    ['sales.pool.idleDays', 1.5, false],
    ['sales.contract.numberFormat', 'HT-{year}-{seq:5}', true],
    ['sales.contract.numberFormat', 'HT-{year}', false],
    ['files.allowedTypes', ['pdf', 'dwg'], true],
    ['files.allowedTypes', ['../x'], false],
    ['files.allowedTypes', [], false],
    ['files.maxUploadMb', 500, false],
  ] as const)('%s accepts %j: %s', (key, value, ok) => {
    expect(POLICY_DEFAULTS[key].schema.safeParse(value).success).toBe(ok);
  });

  it('knows its keys', () => {
    expect(isPolicyKey('files.maxUploadMb')).toBe(true);
    expect(isPolicyKey('toString')).toBe(false);
    expect(POLICY_DEFAULTS['sales.proposal.leaderApprovalAboveFen'].default).toBe(50_000_000);
  });
});
