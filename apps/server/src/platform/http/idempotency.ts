import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export type StoredAnswer = { status: number; body: unknown };

/** JSON with object keys sorted, so the same request hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What the key stands for: the route with its path and the validated body. */
export function requestHash(route: string, body: unknown): string {
  return crypto.createHash('sha256').update(`${route}\n${canonicalJson(body)}`).digest('hex');
}

/**
 * The answer stored under this user's key: null when the key is new; 'reused' when it was given
 * with another request (another route or body), which must not replay the first answer.
 */
export async function findStoredAnswer(db: Executor, userId: number, key: string, route: string, hash: string): Promise<StoredAnswer | 'reused' | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['status_code', 'response_json', 'route', 'request_hash'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  // Keys stored before requests were hashed ('') match on the route alone.
  if (row.route !== route || (row.request_hash !== '' && row.request_hash !== hash)) return 'reused';
  return { status: row.status_code, body: JSON.parse(row.response_json) };
}

export async function storeAnswer(trx: Transaction<DB>, userId: number, key: string, route: string, hash: string, answer: StoredAnswer, at: string): Promise<void> {
  await trx
    .insertInto('idempotency_keys')
    .values({ user_id: userId, key, route, request_hash: hash, status_code: answer.status, response_json: JSON.stringify(answer.body), created_at: at })
    .execute();
}
