import type { Engine } from '../../apps/server/src/platform/db/database.js';

/**
 * Server bugs the fuzz tests found and the server has not fixed yet. While listed, a 5xx whose
 * request matches is tolerated by the fuzz properties, and each bug's own test is expected to
 * fail; once the server is fixed that test fails ("expected to fail but passed"): delete the entry.
 */
export type KnownBug = {
  id: string;
  engines: Engine[];
  what: string;
  /** Does this request text (body or query string) carry the trigger? */
  matches: (request: string) => boolean;
  /** A request that shows the bug (answers 500 while it stands). */
  example: { method: 'GET' | 'POST'; path: string; body?: unknown };
};

// Fixed in platform/http/validate.ts (shared limits): U+0000 in text and ids above int4 now answer 400.
export const KNOWN_BUGS: KnownBug[] = [];

export function knownBugFor(engine: Engine, request: string): KnownBug | undefined {
  return KNOWN_BUGS.find((b) => b.engines.includes(engine) && b.matches(request));
}
