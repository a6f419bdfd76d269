import type { ApprovalDto, ApprovalSummaryDto } from '@domain/approvals/approval.schema.js';
import type { NotificationDto } from '@domain/notify/notify.schema.js';
import { api, type ListPage } from '../../app/api-client';

export type { ApprovalDto, ApprovalSummaryDto, NotificationDto };
/** An approval with what the reader may do (`actions`: decide, transfer, remind). */
export type ApprovalWithActions = ApprovalDto & { actions: ('decide' | 'transfer' | 'remind')[] };
export type ApprovalBox = 'pending' | 'submitted' | 'cc';

export type MyWorkItem = { kind: string; entity: string; id: number; title: string; status: string; since: string };

export const workbenchKeys = {
  myWork: ['my-work'] as const,
  notifications: (unread: boolean, page: number, pageSize: number) => ['notifications', 'list', unread, page, pageSize] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  approvals: (box: ApprovalBox, status: string | undefined, page: number, pageSize: number) => ['approvals', 'list', box, status ?? '', page, pageSize] as const,
  approval: (id: number) => ['approvals', 'one', id] as const,
  approvalOf: (entity: string, entityId: number) => ['approvals', 'of', entity, entityId] as const,
};

export const getMyWork = (signal?: AbortSignal) => api.get<{ items: MyWorkItem[] }>('/api/my-work', undefined, signal);

export const listNotifications = (unread: boolean, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<ListPage<NotificationDto>>('/api/notifications', { unread: unread ? 'true' : undefined, page, pageSize }, signal);
export const getUnreadCount = (signal?: AbortSignal) => api.get<{ count: number }>('/api/notifications/unread-count', undefined, signal);
export const markNotificationRead = (id: number) => api.post<NotificationDto>(`/api/notifications/${id}/actions/read`);
export const markAllNotificationsRead = () => api.post<{ updated: number }>('/api/notifications/actions/read-all');

export const listApprovals = (box: ApprovalBox, params: { page: number; pageSize: number; status?: string; entity?: string }, signal?: AbortSignal) =>
  api.get<ListPage<ApprovalSummaryDto>>('/api/approvals', { mine: box, ...params }, signal);
export const getApproval = (id: number, signal?: AbortSignal) => api.get<ApprovalWithActions>(`/api/approvals/${id}`, undefined, signal);
export const transferApproval = (id: number, toUserId: number, comment?: string) =>
  api.post<ApprovalWithActions>(`/api/approvals/${id}/actions/transfer`, { toUserId, ...(comment ? { comment } : {}) });
export const remindApproval = (id: number) => api.post<ApprovalWithActions>(`/api/approvals/${id}/actions/remind`, {});

/**
 * The latest approval of a record that involves me. The API has no "approval of record X"
 * look-up, so this searches my three boxes (awaiting me, submitted by me, copied to me).
 */
export async function findApprovalOf(entity: string, entityId: number, signal?: AbortSignal): Promise<ApprovalWithActions | null> {
  const boxes: ApprovalBox[] = ['pending', 'submitted', 'cc'];
  const pages = await Promise.all(boxes.map((box) => listApprovals(box, { page: 1, pageSize: 200, entity }, signal)));
  const ids = pages.flatMap((p) => p.items).filter((a) => a.entityId === entityId).map((a) => a.id);
  if (ids.length === 0) return null;
  return getApproval(Math.max(...ids), signal);
}
