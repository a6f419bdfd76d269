import { describe, expect, it } from 'vitest';
import { SETTING_DEFAULTS, SETTING_KEYS, isSettingKey } from './settings.defaults.js';

describe('SETTING_DEFAULTS', () => {
  it.each(SETTING_KEYS)('%s: the default satisfies its own schema and is described', (key) => {
    const def = SETTING_DEFAULTS[key];
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
    expect(SETTING_DEFAULTS[key].schema.safeParse(value).success).toBe(ok);
  });

  it('knows its keys', () => {
    expect(isSettingKey('files.maxUploadMb')).toBe(true);
    expect(isSettingKey('toString')).toBe(false);
    expect(SETTING_DEFAULTS['sales.proposal.leaderApprovalAboveFen'].default).toBe(50_000_000);
  });
});
