/** The in-app inbox as its reader sees it: only ever the reader's own notifications. */
import { sql } from 'kysely';
import type { NotificationDto } from '@domain/notify/notify.schema.js';
import { notFound } from '../http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../context.js';
import { type Executor } from '../db/executor.js';
import { presentNotification } from './inbox.presenter.js';

/** Only ever the reader's own notifications. */
function mine(db: Executor, userId: number, unread?: boolean) {
  let q = db.selectFrom('notifications').where('user_id', '=', userId);
  if (unread !== undefined) q = q.where('read_at', unread ? 'is' : 'is not', null);
  return q;
}

export async function listMyNotifications(db: Executor, meta: RequestMeta, f: { unread?: boolean; page: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    mine(db, meta.actor.id, f.unread).selectAll().orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    mine(db, meta.actor.id, f.unread).select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map((r) => presentNotification(r, meta.locale)), total: Number(count?.n ?? 0), page: f.page, pageSize: f.pageSize };
}

export async function unreadCount(db: Executor, meta: RequestMeta): Promise<{ count: number }> {
  const row = await mine(db, meta.actor.id, true).select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return { count: Number(row?.n ?? 0) };
}

export async function markRead(deps: Deps, db: Executor, meta: RequestMeta, id: number): Promise<NotificationDto> {
  await db.updateTable('notifications').set({ read_at: nowIso(deps) }).where('id', '=', id).where('user_id', '=', meta.actor.id).where('read_at', 'is', null).execute();
  const row = await mine(db, meta.actor.id).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return presentNotification(row, meta.locale);
}

export async function markAllRead(deps: Deps, db: Executor, meta: RequestMeta): Promise<{ updated: number }> {
  const res = await db.updateTable('notifications').set({ read_at: nowIso(deps) }).where('user_id', '=', meta.actor.id).where('read_at', 'is', null).executeTakeFirst();
  return { updated: Number(res.numUpdatedRows) };
}
