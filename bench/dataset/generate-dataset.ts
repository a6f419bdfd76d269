import { prepareDatabase } from '../../apps/server/src/bootstrap.js';
import { sql } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { hashPassword } from '../../apps/server/src/platform/auth/passwords.js';
import { insertBulk, resetSequences } from '../lib/bulk.js';
import { Progress } from '../lib/progress.js';
import { Random } from '../lib/random.js';
import type { DatasetTarget } from '../lib/target.js';
import { writeAuditChain } from './audit-chain.js';
import { DATASET_PARTS } from './index.js';
import { BENCH_PASSWORD, type DatasetContext } from './types.js';

export type DatasetSummary = { target: string; rows: Record<string, number>; seconds: number };

/** Builds a fresh dataset on the target: migrate, run every module's part, chain the audit log. */
export async function generateDataset(target: DatasetTarget): Promise<DatasetSummary> {
  const started = performance.now();
  await target.reset();
  const database = target.open();
  try {
    await prepareDatabase(database);
    const ctx: DatasetContext = {
      db: database.db,
      engine: database.engine,
      rng: new Random(20260101 + target.size.charCodeAt(0)),
      now: new Date(),
      passwordHash: await hashPassword(BENCH_PASSWORD),
      audit: [],
      insert: (table, rows) => {
        const progress = new Progress(table, rows.length);
        return insertBulk(database.db, database.engine, table, rows, progress).then(() => progress.finish());
      },
    };
    const rows: Record<string, number> = {};
    for (const part of DATASET_PARTS) {
      for (const [table, n] of Object.entries(await part.generate(ctx, target.size))) rows[table] = (rows[table] ?? 0) + n;
    }
    rows.audit_log = await writeAuditChain(ctx);
    await resetSequences(database.db, database.engine, Object.keys(rows) as (keyof DB & string)[]);
    // PostgreSQL's autovacuum would vacuum and analyse the new tables within minutes; do it now so
    // plans are settled and the visibility map allows index-only scans, as on a database in use.
    if (database.engine === 'postgres') await sql`vacuum analyze`.execute(database.db);
    else await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
    return { target: target.label, rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}
