import { describe, expect, it } from 'vitest';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** The same check as `npm run lint:deps`, inside `npm test` so CI fails on a violation. */
export const CRUISED = ['apps/server/src', 'apps/web/src', 'packages/domain/src'];

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('no deep import across modules, platform below modules, pure domain, no circle', async () => {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
    const result = await cruise(CRUISED, { ...options, validate: true }, {}, { tsConfig: extractTSConfig('./tsconfig.json') });
    const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
    const violations = output.summary.violations.map((v: { rule: { name: string }; from: string; to: string }) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations, 'see docs/architecture.md, "Rules the build checks"').toEqual([]);
    expect(output.summary.totalCruised).toBeGreaterThan(300);
  }, 60_000);
});
