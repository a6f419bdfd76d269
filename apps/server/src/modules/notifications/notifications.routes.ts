import { notificationListQuery, notificationListSchema, notificationSchema, readAllResultSchema, unreadCountSchema } from '@domain/notify/notify.schema.js';
import { idParamsSchema } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { listMyNotifications, markAllRead, markRead, unreadCount } from '../../platform/notify/inbox.js';

const tags = ['notifications'];
const access = { permission: 'notification.read' } as const;

export const notificationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/notifications',
    summary: 'My notifications, newest first (?unread=true for unread only)',
    tags,
    access,
    query: notificationListQuery,
    response: notificationListSchema,
    handler: ({ query, db, meta }) => listMyNotifications(db, meta, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/notifications/unread-count',
    summary: 'How many of my notifications are unread',
    tags,
    access,
    response: unreadCountSchema,
    handler: ({ db, meta }) => unreadCount(db, meta),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/:id/actions/read',
    summary: 'Mark one of my notifications read',
    tags,
    access,
    params: idParamsSchema,
    response: notificationSchema,
    handler: ({ params, deps, db, meta }) => markRead(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/actions/read-all',
    summary: 'Mark all my notifications read',
    tags,
    access,
    response: readAllResultSchema,
    handler: ({ deps, db, meta }) => markAllRead(deps, db, meta),
  }),
];
