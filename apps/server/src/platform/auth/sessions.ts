import type { Actor } from '@domain/shared/actor.js';
import type { Role } from '@domain/shared/roles.js';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { randomToken, sha256 } from './tokens.js';
import { ActorCache } from './actor-cache.js';

export const SESSION_COOKIE = 'yy_session';

export type ResolvedAuth = { actor: Actor; csrfToken: string | null; via: 'session' | 'token'; key: string };

type UserAuthRow = {
  id: number;
  username: string;
  name: string;
  role: string;
  department_id: number | null;
  business_areas: string;
  active: number;
  must_change_password?: number;
};

export function actorFromRow(row: UserAuthRow, via: 'session' | 'token'): Actor {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role as Role,
    departmentId: row.department_id,
    businessAreas: JSON.parse(row.business_areas) as string[],
    via,
    mustChangePassword: row.must_change_password === 1,
  };
}

/** What the store needs: the database, the session lifetime, the clock (not `Deps`, which holds the store). */
export type SessionStoreDeps = { db: Kysely<DB>; config: Pick<Config, 'sessionTtlHours'>; now: () => Date };

export class SessionStore {
  readonly cache = new ActorCache();
  constructor(private readonly deps: SessionStoreDeps) {}

  async create(db: Executor, userId: number, ip: string | null, userAgent: string | null) {
    const token = randomToken();
    const csrfToken = randomToken(24);
    const now = this.deps.now();
    const expires = new Date(now.getTime() + this.deps.config.sessionTtlHours * 3600_000);
    await db
      .insertInto('sessions')
      .values({
        id: sha256(token),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expires.toISOString(),
        last_seen_at: now.toISOString(),
        ip,
        user_agent: userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    return { token, csrfToken, expires };
  }

  async destroy(token: string): Promise<void> {
    const key = sha256(token);
    this.cache.delete(`s:${key}`);
    await this.deps.db.deleteFrom('sessions').where('id', '=', key).execute();
  }

  async destroyAllOf(db: Executor, userId: number): Promise<void> {
    this.cache.deleteUser(userId);
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** Ends every session of the user except the one `keepToken` belongs to (a password change). */
  async destroyOthersOf(db: Executor, userId: number, keepToken: string | null | undefined): Promise<void> {
    let q = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepToken) q = q.where('id', '<>', sha256(keepToken));
    await q.execute();
    this.cache.deleteUser(userId);
  }

  async resolveSession(token: string): Promise<ResolvedAuth | null> {
    const key = sha256(token);
    const cacheKey = `s:${key}`;
    const now = this.deps.now();
    const hit = this.cache.get(cacheKey, now.getTime());
    if (hit) return { actor: hit.actor, csrfToken: hit.csrfToken, via: 'session', key };
    const row = await this.deps.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.username', 'u.name', 'u.role', 'u.department_id', 'u.business_areas', 'u.active', 'u.must_change_password', 's.csrf_token', 's.expires_at', 's.last_seen_at'])
      .where('s.id', '=', key)
      .executeTakeFirst();
    if (!row || row.active !== 1 || row.expires_at <= now.toISOString()) return null;
    // Sliding expiry, written at most once a minute.
    if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
      const expires = new Date(now.getTime() + this.deps.config.sessionTtlHours * 3600_000).toISOString();
      await this.deps.db.updateTable('sessions').set({ last_seen_at: now.toISOString(), expires_at: expires }).where('id', '=', key).execute();
    }
    const actor = actorFromRow(row, 'session');
    this.cache.set(cacheKey, { actor, csrfToken: row.csrf_token, expiresAt: Date.parse(row.expires_at), cachedAt: now.getTime() });
    return { actor, csrfToken: row.csrf_token, via: 'session', key };
  }

  async resolveToken(token: string): Promise<ResolvedAuth | null> {
    const key = sha256(token);
    const cacheKey = `t:${key}`;
    const now = this.deps.now();
    const hit = this.cache.get(cacheKey, now.getTime());
    if (hit) return { actor: hit.actor, csrfToken: null, via: 'token', key };
    const row = await this.deps.db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['u.id', 'u.username', 'u.name', 'u.role', 'u.department_id', 'u.business_areas', 'u.active', 't.id as token_id', 't.expires_at', 't.revoked_at', 't.last_used_at'])
      .where('t.token_hash', '=', key)
      .executeTakeFirst();
    if (!row || row.active !== 1 || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString())) return null;
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
      await this.deps.db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.token_id).execute();
    }
    const actor = actorFromRow(row, 'token');
    const expiresAt = row.expires_at ? Date.parse(row.expires_at) : Number.MAX_SAFE_INTEGER;
    this.cache.set(cacheKey, { actor, csrfToken: null, expiresAt, cachedAt: now.getTime() });
    return { actor, csrfToken: null, via: 'token', key };
  }

  forgetToken(tokenHash: string): void {
    this.cache.delete(`t:${tokenHash}`);
  }
}
