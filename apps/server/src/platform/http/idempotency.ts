import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Executor } from './context.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export type StoredAnswer = { status: number; body: unknown };

export async function findStoredAnswer(db: Executor, userId: number, key: string, route: string): Promise<StoredAnswer | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['status_code', 'response_json', 'route'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row || row.route !== route) return null;
  return { status: row.status_code, body: JSON.parse(row.response_json) };
}

export async function storeAnswer(trx: Transaction<DB>, userId: number, key: string, route: string, answer: StoredAnswer, at: string): Promise<void> {
  await trx
    .insertInto('idempotency_keys')
    .values({ user_id: userId, key, route, status_code: answer.status, response_json: JSON.stringify(answer.body), created_at: at })
    .execute();
}
