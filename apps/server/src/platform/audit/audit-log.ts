/** Reading the audit log: the viewer's filtered pages, the export's rows, one record's trail. */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AuditEntryDto, auditListQuery } from '@domain/audit/audit.schema.js';
import type { Executor } from '../db/executor.js';

export type AuditFilter = z.infer<typeof auditListQuery>;

function filtered(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', `${f.from}T00:00:00.000Z`);
  if (f.to) q = q.where('at', '<=', `${f.to}T23:59:59.999Z`);
  if (f.q) q = q.where((eb) => eb.or([eb('actor_name', '=', f.q!), eb('entity_id', '=', f.q!), eb('action', '=', f.q!)]));
  return q;
}

type Row = { id: number; at: string; actor_id: number | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; before_json: string | null; after_json: string | null; ip: string | null; hash: string };

function present(row: Row): AuditEntryDto {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json ? JSON.parse(row.before_json) : null,
    after: row.after_json ? JSON.parse(row.after_json) : null,
    ip: row.ip,
    hash: row.hash,
  };
}

/** One page of entries matching the filter, newest first (oldest first with `sort=id`), and their count. */
export async function listAuditEntries(db: Executor, query: AuditFilter) {
  const [rows, count] = await Promise.all([
    filtered(db, query).selectAll().orderBy('id', query.sort === 'id' ? 'asc' : 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    filtered(db, query).select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(present), total: Number(count?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

/** Every entry matching the filter, newest first, read 2,000 at a time (for the streamed export). */
export async function* auditExportRows(db: Executor, query: AuditFilter) {
  let lastId: number | null = null;
  for (;;) {
    let q = filtered(db, query).selectAll();
    if (lastId !== null) q = q.where('id', '<', lastId);
    const page = await q.orderBy('id', 'desc').limit(2000).execute();
    if (page.length === 0) return;
    for (const r of page) yield { id: r.id, at: r.at, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id, ip: r.ip, before: r.before_json, after: r.after_json, hash: r.hash };
    lastId = page[page.length - 1]!.id;
  }
}

/** What happened to one record, oldest first: when, what, by whom (a record page's timeline). */
export function auditTrailOf(db: Executor, entity: string, entityId: number | string) {
  return db.selectFrom('audit_log').select(['at', 'action', 'actor_name']).where('entity', '=', entity).where('entity_id', '=', String(entityId)).orderBy('id').execute();
}
