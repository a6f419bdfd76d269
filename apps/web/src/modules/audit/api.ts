import type { AuditEntryDto } from '@domain/audit/audit.schema.js';
import { api, apiDownload, type ListPage } from '../../app/api-client';

export type { AuditEntryDto };

export type AuditFilters = { entity?: string; action?: string; actorId?: number; from?: string; to?: string };
export type AuditVerifyResult = { ok: boolean; checked: number; brokenAt: number | null; reason: string | null };

export const auditKeys = {
  list: (filters: AuditFilters, page: number, pageSize: number) => ['audit-log', filters, page, pageSize] as const,
};

export const listAudit = (filters: AuditFilters, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<ListPage<AuditEntryDto>>('/api/audit-log', { ...filters, page, pageSize }, signal);
export const verifyAudit = () => api.get<AuditVerifyResult>('/api/audit-log/verify');
export const exportAudit = (filters: AuditFilters) => apiDownload('/api/audit-log/export', filters, 'audit-log.xlsx');
