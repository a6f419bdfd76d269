import { sql } from 'kysely';
import type { RequestMeta } from '../context.js';
import type { Executor } from '../db/executor.js';
import type { Engine } from '../db/database.js';
import { sha256 } from '../auth/tokens.js';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditInput = {
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
};

type HashedFields = {
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
};

/** The chain link: each entry's hash covers its own content and the previous hash. */
export function entryHash(prevHash: string, e: HashedFields): string {
  return sha256([prevHash, e.at, e.actor_id ?? '', e.action, e.entity, e.entity_id ?? '', e.before_json ?? '', e.after_json ?? ''].join('\u001f'));
}

/**
 * Appends one audit entry inside the caller's transaction. On PostgreSQL an advisory
 * transaction lock orders concurrent writers so the chain never forks; SQLite serialises
 * writers by itself.
 */
export async function writeAudit(trx: Executor, engine: Engine, meta: Pick<RequestMeta, 'actor' | 'ip'> | null, input: AuditInput, at: string): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(7100401)`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    at,
    actor_id: meta?.actor.id ?? null,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId === null ? null : String(input.entityId),
    before_json: input.before === undefined || input.before === null ? null : JSON.stringify(input.before),
    after_json: input.after === undefined || input.after === null ? null : JSON.stringify(input.after),
  };
  await trx
    .insertInto('audit_log')
    .values({ ...fields, actor_name: meta?.actor.name ?? null, ip: meta?.ip ?? null, prev_hash: prevHash, hash: entryHash(prevHash, fields) })
    .execute();
}

export type ChainReport = { ok: boolean; checked: number; brokenAt: number | null; reason: string | null };

/** Walks the whole chain in id order, in pages, and reports the first entry that does not fit. */
export async function verifyAuditChain(db: Executor): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(2000).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prev_hash !== prevHash) return { ok: false, checked, brokenAt: row.id, reason: 'prev_hash does not match the previous entry (an entry was removed or reordered)' };
      if (entryHash(prevHash, row) !== row.hash) return { ok: false, checked, brokenAt: row.id, reason: 'hash does not match the entry content (the entry was edited)' };
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
  return { ok: true, checked, brokenAt: null, reason: null };
}

/** Only the fields worth keeping in before/after: drops secrets. */
export function auditable<T extends Record<string, unknown>>(record: T): Omit<T, 'passwordHash' | 'password_hash'> {
  const { passwordHash: _a, password_hash: _b, ...rest } = record as Record<string, unknown>;
  return rest as Omit<T, 'passwordHash' | 'password_hash'>;
}
