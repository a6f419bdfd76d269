import type { CompiledQuery, Kysely, LogEvent } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';

/**
 * Records the SQL statements a piece of server code issues (through Kysely's query log), so the
 * bench can replay exactly those statements, compiled and bound, and time the bare SQL.
 */
export class SqlRecorder {
  private recording: CompiledQuery[] | null = null;

  readonly log = (event: LogEvent): void => {
    if (this.recording && event.level === 'query') this.recording.push(event.query);
  };

  async record(fn: () => Promise<unknown>): Promise<CompiledQuery[]> {
    this.recording = [];
    try {
      await fn();
      return this.recording;
    } finally {
      this.recording = null;
    }
  }
}

/**
 * Runs the recorded statements one after another on the direct connection. Handlers often run
 * the page and the count together, so on PostgreSQL this is an upper bound of the bare SQL time.
 */
export async function replay(db: Kysely<DB>, statements: readonly CompiledQuery[]): Promise<void> {
  for (const q of statements) await db.executeQuery(q);
}
