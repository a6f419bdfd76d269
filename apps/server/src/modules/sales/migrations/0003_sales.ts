import type { Kysely } from 'kysely';
import type { EngineMigration } from '../../../platform/db/migration.js';
import { emptyText, money, withId, withRecordMeta } from '../../../platform/db/columns.js';

/** Customers, contacts, leads, needs analyses, proposals (with versions and negotiations), contracts and their instalments. */
export const salesTables: EngineMigration = (engine) => ({
  async up(db: Kysely<any>) {
    await withRecordMeta(
      withId(engine, db.schema.createTable('customers'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull().unique())
        .addColumn('uscc', 'text', (c) => c.unique())
        .addColumn('industry', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('size', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
        .addColumn('last_activity_at', 'text')
        .addColumn('pooled_at', 'text'),
    ).execute();
    await db.schema.createIndex('customers_industry_created_idx').on('customers').columns(['industry', 'created_at']).execute();
    await db.schema.createIndex('customers_owner_idx').on('customers').columns(['owner_id', 'last_activity_at']).execute();
    await db.schema.createIndex('customers_created_idx').on('customers').column('created_at').execute();
    await db.schema.createIndex('customers_region_idx').on('customers').column('region').execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('contacts'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('phone', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('email', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText)),
    ).execute();
    await db.schema.createIndex('contacts_customer_idx').on('contacts').column('customer_id').execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('leads'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('referrer', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('registered_by', 'integer', (c) => c.references('users.id'))
        .addColumn('registered_department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('needs', 'text', (c) => c.notNull())
        .addColumn('expected_value_fen', money, (c) => c.notNull().defaultTo(0))
        .addColumn('urgency', 'text', (c) => c.notNull())
        .addColumn('evaluation_reason', 'text')
        .addColumn('evaluated_by', 'integer')
        .addColumn('evaluated_at', 'text')
        .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
        .addColumn('assigned_at', 'text')
        .addColumn('analyzed_at', 'text')
        .addColumn('converted_at', 'text'),
    ).execute();
    await db.schema.createIndex('leads_status_created_idx').on('leads').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('leads_assignee_idx').on('leads').columns(['assignee_id', 'status']).execute();
    await db.schema.createIndex('leads_customer_idx').on('leads').column('customer_id').execute();
    await db.schema.createIndex('leads_registered_by_idx').on('leads').column('registered_by').execute();
    await db.schema.createIndex('leads_created_idx').on('leads').column('created_at').execute();

    await withId(engine, db.schema.createTable('needs_analyses'))
      .addColumn('lead_id', 'integer', (c) => c.notNull().references('leads.id'))
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('needs_analyses_version_uq', ['lead_id', 'version_no'])
      .execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('proposals'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('lead_id', 'integer', (c) => c.notNull().references('leads.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('version_no', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('total_fen', money, (c) => c.notNull())
        .addColumn('decline_reason', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('decided_at', 'text'),
    ).execute();
    await db.schema.createIndex('proposals_status_idx').on('proposals').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('proposals_author_idx').on('proposals').columns(['author_id', 'status']).execute();
    await db.schema.createIndex('proposals_lead_idx').on('proposals').column('lead_id').execute();

    await withId(engine, db.schema.createTable('proposal_versions'))
      .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('total_fen', money, (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'integer', (c) => c.notNull())
      .addColumn('decision', 'text')
      .addColumn('decided_by', 'integer')
      .addColumn('comment', 'text')
      .addColumn('decided_at', 'text')
      .addUniqueConstraint('proposal_versions_uq', ['proposal_id', 'version_no'])
      .execute();

    await withId(engine, db.schema.createTable('negotiations'))
      .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('participants', 'text', (c) => c.notNull())
      .addColumn('points', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('negotiations_proposal_idx').on('negotiations').column('proposal_id').execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('contracts'))
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('proposal_id', 'integer', (c) => c.notNull().unique().references('proposals.id'))
        .addColumn('lead_id', 'integer', (c) => c.notNull().references('leads.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('party_a', 'text', (c) => c.notNull())
        .addColumn('party_b', 'text', (c) => c.notNull())
        .addColumn('amount_fen', money, (c) => c.notNull())
        .addColumn('signed_date', 'text')
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('terms', 'text', (c) => c.notNull())
        .addColumn('project_id', 'integer'),
    ).execute();
    await db.schema.createIndex('contracts_status_idx').on('contracts').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('contracts_customer_idx').on('contracts').column('customer_id').execute();
    await db.schema.createIndex('contracts_owner_idx').on('contracts').columns(['owner_id', 'signed_date']).execute();

    await withId(engine, db.schema.createTable('contract_instalments'))
      .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('amount_fen', money, (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('contract_instalments_contract_idx').on('contract_instalments').column('contract_id').execute();
  },
});
