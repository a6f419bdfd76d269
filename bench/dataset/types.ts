import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import type { Engine } from '../../apps/server/src/platform/db/database.js';
import type { Random } from '../lib/random.js';
import type { Size } from '../lib/target.js';

/** The one password of every generated user (hashed once with the server's argon2 settings). */
export const BENCH_PASSWORD = 'Bench#2026';

/** An audit entry a part wants written; the generator chains all of them in time order at the end. */
export type AuditEvent = {
  at: string;
  actor: { id: number; name: string } | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
};

export type DatasetContext = {
  db: Kysely<DB>;
  engine: Engine;
  rng: Random;
  /** "Now" of the dataset: every generated time lies before it. */
  now: Date;
  passwordHash: string;
  audit: AuditEvent[];
  /** Bulk insert with a progress bar (1,000 rows a statement on PostgreSQL, one transaction on SQLite). */
  insert: <T extends keyof DB & string>(table: T, rows: Insertable<DB[T]>[]) => Promise<void>;
};

/**
 * One module's share of the dataset. Parts run in list order (later ones may read what earlier
 * ones inserted through `ctx.db`) and answer how many rows they created per table.
 */
export type DatasetPart = {
  module: string;
  generate: (ctx: DatasetContext, size: Size) => Promise<Record<string, number>>;
};
