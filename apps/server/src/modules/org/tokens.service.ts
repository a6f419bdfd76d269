import type { ApiTokenDto } from '@domain/org/token.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { randomToken, sha256 } from '../../platform/auth/tokens.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';

function tokenSelect(db: Executor) {
  return db.selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id').selectAll('t').select('u.name as user_name');
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof tokenSelect>['executeTakeFirstOrThrow']>>;

function presentToken(row: TokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userId: row.user_id,
    userName: row.user_name,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function listTokens(db: Executor) {
  const rows = await tokenSelect(db).orderBy('t.id', 'desc').execute();
  return rows.map(presentToken);
}

export function createToken(deps: Deps, db: Executor, meta: RequestMeta, input: { name: string; userId: number; expiresOn?: string | null }) {
  return inTransaction(db, async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'active']).where('id', '=', input.userId).executeTakeFirst();
    if (!user || user.active !== 1) throw invalid({ userId: 'field.notExists' });
    const token = `yy_${randomToken(30)}`;
    const at = nowIso(deps);
    const { id } = await trx
      .insertInto('api_tokens')
      .values({
        name: input.name,
        token_hash: sha256(token),
        prefix: token.slice(0, 10),
        user_id: input.userId,
        created_by: meta.actor.id,
        created_at: at,
        expires_at: input.expiresOn ? `${input.expiresOn}T23:59:59.999Z` : null,
        last_used_at: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dto = presentToken((await tokenSelect(trx).where('t.id', '=', id).executeTakeFirst())!);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'api_token', entityId: id, after: dto }, at);
    return { ...dto, token };
  });
}

export function revokeToken(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    const at = nowIso(deps);
    if (!row.revoked_at) {
      await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
      await writeAudit(trx, deps.engine, meta, { action: 'revoke', entity: 'api_token', entityId: id }, at);
    }
    deps.sessions.forgetToken(row.token_hash);
    return presentToken((await tokenSelect(trx).where('t.id', '=', id).executeTakeFirst())!);
  });
}
