import { auditEntrySchema, auditListQuery, auditVerifySchema } from '@domain/audit/audit.schema.js';
import { listEnvelope } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { auditExportRows, listAuditEntries } from '../../platform/audit/audit-log.js';
import { streamXlsx } from '../../platform/files/xlsx-export.js';

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/audit-log',
    summary: 'Audit entries, newest first, with filters',
    tags: ['audit'],
    access: { permission: 'audit.read' },
    query: auditListQuery,
    response: listEnvelope(auditEntrySchema),
    handler: ({ query, db }) => listAuditEntries(db, query),
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
      return streamXlsx(reply, 'audit-log.xlsx', zh ? '审计日志' : 'Audit log', columns, auditExportRows(db, query));
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
