import { sql, type Kysely, type SqlBool } from 'kysely';
import type { EngineMigration } from '../../../platform/db/migration.js';
import { emptyText, money, withId, withRecordMeta } from '../../../platform/db/columns.js';

/**
 * Execution and delivery [3.2–3.3]: team, plan (tasks; actuals on the milestones signing created),
 * progress reports, issues, change requests, expenses, acceptance, invoices and payments, the
 * document archive, retrospectives with their full-text index, and each project's figures.
 */
export const delivery: EngineMigration = (engine) => ({
  async up(db: Kysely<any>) {
    // SQLite takes one ADD COLUMN per statement.
    const add = async (table: string, column: string, type: 'text' | 'integer' | typeof money, notNullDefault?: number) => {
      await db.schema
        .alterTable(table)
        .addColumn(column, type, (c) => (notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault)))
        .execute();
    };
    await add('projects', 'actual_start', 'text');
    await add('projects', 'actual_end', 'text');
    await add('projects', 'closed_at', 'text');
    await add('projects', 'write_off_fen', money, 0);
    await add('projects', 'write_off_reason', 'text');
    await add('project_milestones', 'weight', 'integer', 1);
    await add('project_milestones', 'actual_start', 'text');
    await add('project_milestones', 'actual_end', 'text');
    await add('project_milestones', 'version', 'integer', 1);

    await withRecordMeta(
      withId(engine, db.schema.createTable('project_members'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('project_role', 'text', (c) => c.notNull())
        .addColumn('responsibilities', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('joined_on', 'text', (c) => c.notNull())
        .addColumn('left_on', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
    ).execute();
    // One active membership per person and project; a concurrent double add fails here.
    await db.schema.createIndex('project_members_active_uq').on('project_members').columns(['project_id', 'user_id']).unique().where(sql<SqlBool>`active = 1`).execute();
    await db.schema.createIndex('project_members_user_idx').on('project_members').columns(['user_id', 'active']).execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('project_tasks'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('milestone_id', 'integer', (c) => c.notNull().references('project_milestones.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('planned_start', 'text', (c) => c.notNull())
        .addColumn('planned_end', 'text', (c) => c.notNull())
        .addColumn('actual_start', 'text')
        .addColumn('actual_end', 'text')
        .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('depends_on', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText)),
    ).execute();
    await db.schema.createIndex('project_tasks_project_idx').on('project_tasks').columns(['project_id', 'milestone_id', 'seq']).execute();
    await db.schema.createIndex('project_tasks_owner_idx').on('project_tasks').columns(['owner_id', 'project_id']).execute();

    await withId(engine, db.schema.createTable('project_progress_reports'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('percent_tenths', 'integer', (c) => c.notNull())
      .addColumn('work_done', 'text', (c) => c.notNull())
      .addColumn('next_steps', 'text', (c) => c.notNull())
      .addColumn('problems', 'text', (c) => c.notNull())
      .addColumn('tasks_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('project_progress_reports_uq', ['project_id', 'user_id', 'period'])
      .execute();
    await db.schema.createIndex('project_progress_reports_period_idx').on('project_progress_reports').columns(['project_id', 'period']).execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('project_issues'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
        .addColumn('reported_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('due_date', 'text')
        .addColumn('escalated_at', 'text')
        .addColumn('escalation_reason', 'text')
        .addColumn('meeting_date', 'text')
        .addColumn('participants', 'text')
        .addColumn('discussion', 'text')
        .addColumn('decision', 'text')
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('resolution', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('closed_by', 'integer', (c) => c.references('users.id')),
    ).execute();
    await db.schema.createIndex('project_issues_project_idx').on('project_issues').columns(['project_id', 'status']).execute();
    await db.schema.createIndex('project_issues_status_idx').on('project_issues').columns(['status', 'severity']).execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('project_change_requests'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requested_on', 'text', (c) => c.notNull())
        .addColumn('scope_impact', 'text', (c) => c.notNull())
        .addColumn('schedule_impact', 'text', (c) => c.notNull())
        .addColumn('budget_impact_fen', money, (c) => c.notNull())
        .addColumn('schedule_impact_days', 'integer', (c) => c.notNull())
        .addColumn('changes_json', 'text', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_comment', 'text'),
    ).execute();
    await db.schema.createIndex('project_change_requests_project_idx').on('project_change_requests').columns(['project_id', 'status']).execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('project_expenses'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('budget_line_id', 'integer', (c) => c.notNull().references('project_budget_lines.id'))
        .addColumn('claimant_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('amount_fen', money, (c) => c.notNull())
        .addColumn('expense_date', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('over_budget', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('over_budget_approved_by', 'integer', (c) => c.references('users.id'))
        .addColumn('pm_approved_at', 'text')
        .addColumn('approved_at', 'text')
        .addColumn('rejected_at', 'text')
        .addColumn('rejected_by', 'integer', (c) => c.references('users.id'))
        .addColumn('reject_reason', 'text')
        .addColumn('paid_on', 'text')
        .addColumn('paid_by', 'integer', (c) => c.references('users.id'))
        .addColumn('paid_note', 'text'),
    ).execute();
    await db.schema.createIndex('project_expenses_project_idx').on('project_expenses').columns(['project_id', 'status']).execute();
    await db.schema.createIndex('project_expenses_line_idx').on('project_expenses').columns(['budget_line_id', 'status']).execute();
    await db.schema.createIndex('project_expenses_status_idx').on('project_expenses').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('project_expenses_claimant_idx').on('project_expenses').columns(['claimant_id', 'status']).execute();

    await withId(engine, db.schema.createTable('project_acceptances'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('accepted_date', 'text')
      .addColumn('signer', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
      .addColumn('rework_items_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('rework_reason', 'text')
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('project_acceptances_round_uq', ['project_id', 'kind', 'round'])
      .execute();

    await withId(engine, db.schema.createTable('project_acceptance_items'))
      .addColumn('acceptance_id', 'integer', (c) => c.notNull().references('project_acceptances.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('standard', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
      .addColumn('checked_by', 'integer', (c) => c.references('users.id'))
      .addColumn('checked_at', 'text')
      .execute();
    await db.schema.createIndex('project_acceptance_items_idx').on('project_acceptance_items').columns(['acceptance_id', 'seq']).execute();

    await withId(engine, db.schema.createTable('project_invoices'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
      .addColumn('instalment_id', 'integer', (c) => c.notNull().references('contract_instalments.id'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('amount_fen', money, (c) => c.notNull())
      .addColumn('issued_date', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('project_invoices_project_idx').on('project_invoices').columns(['project_id', 'issued_date']).execute();
    await db.schema.createIndex('project_invoices_instalment_idx').on('project_invoices').column('instalment_id').execute();

    await withId(engine, db.schema.createTable('project_payments'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
      .addColumn('invoice_id', 'integer', (c) => c.notNull().references('project_invoices.id'))
      .addColumn('amount_fen', money, (c) => c.notNull())
      .addColumn('received_date', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('project_payments_invoice_idx').on('project_payments').column('invoice_id').execute();
    await db.schema.createIndex('project_payments_project_idx').on('project_payments').columns(['project_id', 'received_date']).execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('project_documents'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('current_version', 'integer', (c) => c.notNull()),
    ).execute();
    await db.schema.createIndex('project_documents_project_idx').on('project_documents').columns(['project_id', 'category']).execute();

    await withId(engine, db.schema.createTable('project_document_versions'))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('project_documents.id'))
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('attachment_id', 'integer', (c) => c.notNull().references('attachments.id'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
      .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('project_document_versions_uq', ['document_id', 'version_no'])
      .execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('project_retrospectives'))
        .addColumn('project_id', 'integer', (c) => c.notNull().unique().references('projects.id'))
        .addColumn('went_well', 'text', (c) => c.notNull())
        .addColumn('went_wrong', 'text', (c) => c.notNull())
        .addColumn('lessons', 'text', (c) => c.notNull())
        .addColumn('reusable_assets', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id')),
    ).execute();
    await createLessonIndex(db, engine);

    await db.schema
      .createTable('project_stats')
      .addColumn('project_id', 'integer', (c) => c.primaryKey().references('projects.id'))
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('health', 'text', (c) => c.notNull())
      .addColumn('health_factors', 'text', (c) => c.notNull())
      .addColumn('percent_tenths', 'integer', (c) => c.notNull())
      .addColumn('planned_tenths', 'integer', (c) => c.notNull())
      .addColumn('max_days_late', 'integer', (c) => c.notNull())
      .addColumn('overdue_milestones', 'integer', (c) => c.notNull())
      .addColumn('budget_fen', money, (c) => c.notNull())
      .addColumn('spent_fen', money, (c) => c.notNull())
      .addColumn('committed_fen', money, (c) => c.notNull())
      .addColumn('usage_tenths', 'integer', (c) => c.notNull())
      .addColumn('contract_fen', money, (c) => c.notNull())
      .addColumn('invoiced_fen', money, (c) => c.notNull())
      .addColumn('received_fen', money, (c) => c.notNull())
      .addColumn('outstanding_fen', money, (c) => c.notNull())
      .addColumn('overdue_fen', money, (c) => c.notNull())
      .addColumn('open_issues', 'integer', (c) => c.notNull())
      .addColumn('open_major_issues', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('project_stats_health_idx').on('project_stats').column('health').execute();
  },
});

/**
 * The knowledge base's full-text index: an FTS5 trigram table on SQLite (any 3+ character
 * substring; 2-character queries scan), a pg_trgm GIN index on PostgreSQL when the extension
 * can be had (ILIKE works without it, only slower).
 */
async function createLessonIndex(db: Kysely<any>, engine: 'sqlite' | 'postgres') {
  if (engine === 'sqlite') {
    await sql`create virtual table lessons_fts using fts5(search_text, tokenize = 'trigram')`.execute(db);
    return;
  }
  // Installed once per database, in `public`, so dropping a schema never takes it away; the lock
  // keeps two migrations running at once from both trying to create it.
  await sql`select pg_advisory_xact_lock(7100405)`.execute(db);
  const installed = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  let schema = installed.rows[0]?.schema;
  if (!schema) {
    const can = await sql<{ ok: boolean }>`select exists (select 1 from pg_available_extensions where name = 'pg_trgm') and has_database_privilege(current_database(), 'CREATE') and has_schema_privilege('public', 'CREATE') as ok`.execute(db);
    if (!can.rows[0]?.ok) return;
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    schema = 'public';
  }
  await sql`create index project_retrospectives_search_idx on project_retrospectives using gin (search_text ${sql.id(schema, 'gin_trgm_ops')})`.execute(db);
}
