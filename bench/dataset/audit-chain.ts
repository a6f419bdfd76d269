import { GENESIS_HASH, entryHash } from '../../apps/server/src/platform/audit/audit.js';
import type { DatasetContext } from './types.js';

/**
 * Writes every collected audit event in time order, linked by the server's own `entryHash`,
 * continuing whatever chain the database already holds. Answers how many entries it wrote.
 */
export async function writeAuditChain(ctx: DatasetContext): Promise<number> {
  const last = await ctx.db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  let id = last?.id ?? 0;
  const events = ctx.audit.map((e, i) => ({ e, i })).sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i));
  const rows = events.map(({ e }) => {
    const fields = {
      at: e.at,
      actor_id: e.actor?.id ?? null,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId === null ? null : String(e.entityId),
      before_json: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after_json: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
    };
    const hash = entryHash(prevHash, fields);
    const row = { id: ++id, ...fields, actor_name: e.actor?.name ?? null, ip: e.ip, prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  await ctx.insert('audit_log', rows);
  return rows.length;
}
