import { z } from 'zod';
import { booleanQuery, listEnvelope, listQueryBase } from '../shared/common.schema.js';
import { SALES_NOTIFY_KINDS } from '../sales/sales.messages.js';
import { DELIVERY_NOTIFY_KINDS } from '../delivery/delivery.messages.js';
import { APPRAISAL_NOTIFY_KINDS } from '../appraisal/appraisal.messages.js';

/** The shared approval component's kinds. */
export const APPROVAL_NOTIFY_KINDS = ['approval.pending', 'approval.remind', 'approval.cc', 'approval.transferred', 'approval.decided'] as const;

/** Kinds with a message template (`notify.<kind>` in every language); each module lists its own and adds them here. */
export const NOTIFY_KINDS = [
  ...SALES_NOTIFY_KINDS,
  ...APPROVAL_NOTIFY_KINDS,
  ...DELIVERY_NOTIFY_KINDS,
  ...APPRAISAL_NOTIFY_KINDS,
] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

export type NotifyParams = Record<string, string | number>;

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  /** The message rendered in the reader's language. */
  title: z.string(),
  titleKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  link: z.string().nullable(),
  read: z.boolean(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationListQuery = z.strictObject({
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  unread: booleanQuery.optional(),
});

export const notificationListSchema = listEnvelope(notificationSchema);
export const unreadCountSchema = z.object({ count: z.number().int() });
export const readAllResultSchema = z.object({ updated: z.number().int() });
