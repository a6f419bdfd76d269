import { sql } from 'kysely';
import { auditEntrySchema, auditListQuery, auditVerifySchema, type AuditEntryDto } from '@domain/audit/audit.schema.js';
import { listEnvelope } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/executor.js';
import { streamXlsx } from '../../platform/files/xlsx-export.js';
import type { z } from 'zod';

type Filter = z.infer<typeof auditListQuery>;

function filtered(db: Executor, f: Filter) {
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

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/audit-log',
    summary: 'Audit entries, newest first, with filters',
    tags: ['audit'],
    access: { permission: 'audit.read' },
    query: auditListQuery,
    response: listEnvelope(auditEntrySchema),
    handler: async ({ query, db }) => {
      const [rows, count] = await Promise.all([
        filtered(db, query).selectAll().orderBy('id', query.sort === 'id' ? 'asc' : 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
        filtered(db, query).select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
      ]);
      return { items: rows.map(present), total: Number(count?.n ?? 0), page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit-log/export',
    summary: 'The filtered audit log as .xlsx (streamed)',
    tags: ['audit'],
    access: { permission: 'audit.read' },
    query: auditListQuery,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    handler: async ({ query, db, reply, locale }) => {
      const zh = locale !== 'en-US';
      const columns = [
        { header: 'ID', key: 'id', width: 8 },
        { header: zh ? '时间' : 'Time', key: 'at', width: 24 },
        { header: zh ? '操作人' : 'Actor', key: 'actorName', width: 14 },
        { header: zh ? '操作' : 'Action', key: 'action', width: 16 },
        { header: zh ? '对象' : 'Entity', key: 'entity', width: 14 },
        { header: zh ? '对象ID' : 'Entity ID', key: 'entityId', width: 10 },
        { header: 'IP', key: 'ip', width: 16 },
        { header: zh ? '变更前' : 'Before', key: 'before', width: 40 },
        { header: zh ? '变更后' : 'After', key: 'after', width: 40 },
        { header: 'Hash', key: 'hash', width: 20 },
      ];
      async function* rows() {
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
      return streamXlsx(reply, 'audit-log.xlsx', zh ? '审计日志' : 'Audit log', columns, rows());
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit-log/verify',
    summary: 'Re-compute the hash chain and report the first broken entry',
    tags: ['audit'],
    access: { permission: 'audit.verify' },
    response: auditVerifySchema,
    handler: ({ db }) => verifyAuditChain(db),
  }),
];
