import { sql, type Kysely, type SqlBool } from 'kysely';
import type { EngineMigration } from '../migration.js';
import { emptyText, money, withId, withRecordMeta } from '../columns.js';

/** Shared components: company settings, the notification inbox, attachments, approvals. */
export const platform: EngineMigration = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(engine, db.schema.createTable('policies'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value_json', 'text', (c) => c.notNull())
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('policies_key_idx').on('policies').columns(['key', 'effective_from']).execute();

    await withId(engine, db.schema.createTable('notifications'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title_key', 'text', (c) => c.notNull())
      .addColumn('params_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('entity', 'text')
      .addColumn('entity_id', 'text')
      .addColumn('link', 'text')
      .addColumn('read_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'id']).execute();
    await db.schema.createIndex('notifications_unread_idx').on('notifications').columns(['user_id', 'read_at']).execute();

    await withId(engine, db.schema.createTable('attachments'))
      .addColumn('entity', 'text')
      .addColumn('entity_id', 'integer')
      .addColumn('original_name', 'text', (c) => c.notNull())
      .addColumn('stored_name', 'text', (c) => c.notNull().unique())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachments_entity_idx').on('attachments').columns(['entity', 'entity_id']).execute();
    await db.schema.createIndex('attachments_unlinked_idx').on('attachments').columns(['uploaded_by', 'entity_id']).execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('approvals'))
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('current_step', 'integer')
        .addColumn('amount_fen', money)
        .addColumn('step_started_at', 'text')
        .addColumn('last_reminded_at', 'text')
        .addColumn('decided_at', 'text'),
    ).execute();
    // At most one pending approval per record: a concurrent second start fails on this index.
    await db.schema
      .createIndex('approvals_one_pending_uq')
      .on('approvals')
      .columns(['entity', 'entity_id'])
      .unique()
      .where(sql<SqlBool>`status = 'pending'`)
      .execute();
    await db.schema.createIndex('approvals_entity_idx').on('approvals').columns(['entity', 'entity_id', 'id']).execute();
    await db.schema.createIndex('approvals_status_idx').on('approvals').columns(['status', 'step_started_at']).execute();
    await db.schema.createIndex('approvals_creator_idx').on('approvals').columns(['created_by', 'id']).execute();

    await withId(engine, db.schema.createTable('approval_steps'))
      .addColumn('approval_id', 'integer', (c) => c.notNull().references('approvals.id'))
      .addColumn('step_no', 'integer', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('approver_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('decision', 'text')
      .addColumn('comment', 'text')
      .addColumn('decided_at', 'text')
      .execute();
    await db.schema.createIndex('approval_steps_approval_idx').on('approval_steps').columns(['approval_id', 'step_no']).execute();
    await db.schema.createIndex('approval_steps_approver_idx').on('approval_steps').columns(['approver_id', 'decision']).execute();

    await withId(engine, db.schema.createTable('approval_events'))
      .addColumn('approval_id', 'integer', (c) => c.notNull().references('approvals.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('step_no', 'integer')
      .addColumn('comment', 'text')
      .addColumn('target_user_id', 'integer', (c) => c.references('users.id'))
      .execute();
    await db.schema.createIndex('approval_events_approval_idx').on('approval_events').columns(['approval_id', 'id']).execute();
    await db.schema.createIndex('approval_events_target_idx').on('approval_events').columns(['target_user_id', 'kind']).execute();
  },
});
