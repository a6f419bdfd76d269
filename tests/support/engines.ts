import { describe } from 'vitest';
import type { Engine } from '../../apps/server/src/platform/db/database.js';

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set. In CI a missing PostgreSQL fails instead of skipping. */
export function testEngines(): Engine[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) throw new Error('TEST_DATABASE_URL must be set in CI: API tests run on SQLite and PostgreSQL');
  return url ? ['sqlite', 'postgres'] : ['sqlite'];
}

export function describeEngines(name: string, fn: (engine: Engine) => void): void {
  for (const engine of testEngines()) describe(`${name} [${engine}]`, () => fn(engine));
}
