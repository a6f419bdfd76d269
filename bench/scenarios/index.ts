import { z } from 'zod';
import type { AnyRoute } from '../../apps/server/src/platform/http/route.js';
import { auditBench } from './audit.js';
import { orgBench } from './org.js';
import { platformBench } from './platform.js';
import { salesBench } from './sales.js';
import { deliveryBench } from './delivery.js';
import { appraisalBench } from './appraisal.js';
import type { ModuleBench } from './types.js';

/** Every module's scenarios. A new module adds bench/scenarios/<module>.ts and one line here. */
export const BENCH_MODULES: readonly ModuleBench[] = [orgBench, auditBench, platformBench, salesBench, deliveryBench, appraisalBench];

/** A GET route answering `{ items, … }` is a list, and every list needs a benchmark. */
export function isListRoute(route: AnyRoute): boolean {
  return route.method === 'GET' && route.response instanceof z.ZodObject && 'items' in route.response.shape;
}

/** List routes of ALL_ROUTES that no scenario covers and no module exempts. */
export function uncoveredLists(routes: readonly AnyRoute[], modules: readonly ModuleBench[] = BENCH_MODULES): string[] {
  const covered = new Set(modules.flatMap((m) => [...m.lists.map((l) => l.route), ...(m.exempt ?? []).map((e) => e.route)]));
  return routes.filter(isListRoute).map((r) => r.url).filter((url) => !covered.has(url));
}

export function assertListsCovered(routes: readonly AnyRoute[]): void {
  const missing = uncoveredLists(routes);
  if (missing.length > 0) {
    throw new Error(
      `These GET list routes have no benchmark scenario: ${missing.join(', ')}.\n` +
        'Add a list scenario (page 1 and a deep page, with the same query as bare SQL) in bench/scenarios/<module>.ts, or an exempt entry with the reason.',
    );
  }
}
