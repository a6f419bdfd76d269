import type { Kysely } from 'kysely';
import type { EngineMigration } from '../../../platform/db/migration.js';
import { money, withId, withRecordMeta } from '../../../platform/db/columns.js';

/** The project a contract starts, its milestones and budget lines: created with the sales tables in 0003_sales, owned by delivery. */
export const projectTables: EngineMigration = (engine) => ({
  async up(db: Kysely<any>) {
    await withRecordMeta(
      withId(engine, db.schema.createTable('projects'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('contract_id', 'integer', (c) => c.notNull().unique().references('contracts.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('pm_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('budget_fen', money, (c) => c.notNull()),
    ).execute();
    await db.schema.createIndex('projects_status_idx').on('projects').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('projects_pm_idx').on('projects').columns(['pm_id', 'status']).execute();

    await withId(engine, db.schema.createTable('project_milestones'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('planned_start', 'text', (c) => c.notNull())
      .addColumn('planned_end', 'text', (c) => c.notNull())
      .addColumn('deliverable', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('project_milestones_project_idx').on('project_milestones').column('project_id').execute();

    await withId(engine, db.schema.createTable('project_budget_lines'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('amount_fen', money, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('project_budget_lines_project_idx').on('project_budget_lines').column('project_id').execute();
  },
});
