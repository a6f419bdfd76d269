import type { Selectable } from 'kysely';
import type { NotificationDto, NotifyParams } from '@domain/notify/notify.schema.js';
import { renderNotification } from '@domain/notify/notify.render.js';
import type { Locale } from '@domain/shared/locale.js';
import type { NotificationTable } from '../db/schema.js';

export function presentNotification(row: Selectable<NotificationTable>, locale: Locale): NotificationDto {
  const params = JSON.parse(row.params_json) as NotifyParams;
  return {
    id: row.id,
    kind: row.kind,
    title: renderNotification(locale, row.title_key, params),
    titleKey: row.title_key,
    params,
    entity: row.entity,
    entityId: row.entity_id,
    link: row.link,
    read: row.read_at !== null,
    readAt: row.read_at,
    createdAt: row.created_at,
  };
}
