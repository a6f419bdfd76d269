import { describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../../apps/server/src/modules.js';
import { BENCH_MODULES, isListRoute, uncoveredLists } from '../../bench/scenarios/index.js';

describe('bench coverage', () => {
  it('every GET list route has a benchmark scenario (bench/scenarios/<module>.ts) or a stated exemption', () => {
    expect(ALL_ROUTES.filter(isListRoute).length).toBeGreaterThan(0);
    expect(uncoveredLists(ALL_ROUTES), 'add a list scenario (page 1 and a deep page) to bench/scenarios/<module>.ts').toEqual([]);
  });

  it('every scenario names a route that exists', () => {
    const urls = new Set(ALL_ROUTES.map((r) => r.url));
    const scenarios = BENCH_MODULES.flatMap((m) => [...m.lists, ...m.records, ...(m.exempt ?? [])]);
    expect(scenarios.filter((s) => !urls.has(s.route)).map((s) => s.route)).toEqual([]);
  });
});
