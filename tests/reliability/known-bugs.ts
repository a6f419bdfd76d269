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

const INT4_MAX = 2 ** 31 - 1;

export const KNOWN_BUGS: KnownBug[] = [
  {
    id: 'pg-nul-in-text',
    engines: ['postgres'],
    what: 'a text value holding U+0000 reaches PostgreSQL, which refuses it (22021) → 500 instead of 400',
    matches: (r) => /\\u0000|%00/i.test(r),
    example: { method: 'POST', path: '/api/departments', body: { name: 'a\u0000b' } },
  },
  {
    id: 'pg-int4-overflow',
    engines: ['postgres'],
    what: `an id (body …Id field or ?…Id= filter) above ${INT4_MAX} reaches an integer column (22003) → 500 instead of 400`,
    matches: (r) => (r.match(/-?\d{10,}(\.\d+)?(e\+?\d+)?/gi) ?? []).some((n) => Math.abs(Number(n)) > INT4_MAX) || /e\+?\d{2,}/i.test(r),
    example: { method: 'POST', path: '/api/departments', body: { name: '越界', parentId: 2 ** 31 } },
  },
];

export function knownBugFor(engine: Engine, request: string): KnownBug | undefined {
  return KNOWN_BUGS.find((b) => b.engines.includes(engine) && b.matches(request));
}
