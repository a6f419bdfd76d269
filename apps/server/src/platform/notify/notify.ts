import { notificationTitleKey } from '@domain/notify/notify.render.js';
import type { NotifyParams } from '@domain/notify/notify.schema.js';
import { nowIso, type Deps } from '../context.js';
import { type Executor } from '../db/executor.js';

export type NotifyInput = {
  userIds: number[];
  kind: string;
  params?: NotifyParams;
  entity?: string;
  entityId?: number | string;
  /** An app path such as `/leads/12`; anything else is refused. */
  link?: string;
};

const APP_PATH = /^\/(?![/\\])[^\s]*$/;

/**
 * Puts a notification in the in-app inbox of each user (once per user; inactive users skipped),
 * inside the caller's transaction so it exists exactly when the change that caused it does.
 * The text is stored as a message key with parameters and rendered in the reader's language.
 */
export async function notify(trx: Executor, deps: Deps, input: NotifyInput): Promise<void> {
  if (input.link !== undefined && !APP_PATH.test(input.link)) throw new Error(`notify: link must be an app path, got ${input.link}`);
  const wanted = [...new Set(input.userIds.filter((id) => Number.isInteger(id) && id > 0))];
  if (wanted.length === 0) return;
  const active = await trx.selectFrom('users').select('id').where('id', 'in', wanted).where('active', '=', 1).execute();
  if (active.length === 0) return;
  const activeIds = new Set(active.map((u) => u.id));
  const at = nowIso(deps);
  const row = {
    kind: input.kind,
    title_key: notificationTitleKey(input.kind),
    params_json: JSON.stringify(input.params ?? {}),
    entity: input.entity ?? null,
    entity_id: input.entityId === undefined ? null : String(input.entityId),
    link: input.link ?? null,
    read_at: null,
    created_at: at,
  };
  await trx
    .insertInto('notifications')
    .values(wanted.filter((id) => activeIds.has(id)).map((userId) => ({ ...row, user_id: userId })))
    .execute();
}
