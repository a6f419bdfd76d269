import type { Kysely } from 'kysely';
import type { EngineMigration } from '../../../platform/db/migration.js';
import { emptyText, withId, withRecordMeta } from '../../../platform/db/columns.js';

/** The organisation's part of the first migration: departments, users and API tokens (it runs before the platform's part, whose tables refer to users). */
export const orgFoundation: EngineMigration = (engine) => ({
  async up(db: Kysely<any>) {
    await withRecordMeta(
      withId(engine, db.schema.createTable('departments'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.unique())
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('other'))
        .addColumn('parent_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('manager_id', 'integer')
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
    ).execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('users'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('position_title', 'text')
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('supervisor_id', 'integer', (c) => c.references('users.id'))
        .addColumn('business_areas', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('customer_facing', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('hire_date', 'text')
        .addColumn('locale', 'text')
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_login_at', 'text'),
    ).execute();
    await db.schema.createIndex('users_department_idx').on('users').column('department_id').execute();
    await db.schema.createIndex('users_supervisor_idx').on('users').column('supervisor_id').execute();
    await db.schema.createIndex('users_role_idx').on('users').columns(['role', 'active']).execute();

    await withId(engine, db.schema.createTable('api_tokens'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
  },
});
