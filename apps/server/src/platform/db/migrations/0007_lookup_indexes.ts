import type { Kysely } from 'kysely';
import type { EngineMigration } from '../migrator.js';

/** What the L-size benchmark showed scanning: a customer's proposals and projects, templates in use, an employee's results, newest projects and expenses, latest-edited proposals. */
export const lookupIndexes: EngineMigration = () => ({
  async up(db: Kysely<any>) {
    await db.schema.createIndex('proposals_customer_idx').on('proposals').columns(['customer_id', 'id']).execute();
    await db.schema.createIndex('projects_customer_idx').on('projects').columns(['customer_id', 'id']).execute();
    await db.schema.createIndex('appraisals_template_idx').on('appraisals').column('template_id').execute();
    await db.schema.createIndex('projects_created_idx').on('projects').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('project_expenses_created_idx').on('project_expenses').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('proposals_updated_idx').on('proposals').columns(['updated_at', 'id']).execute();
    await db.schema.createIndex('appraisal_results_employee_idx').on('appraisal_results').columns(['employee_id', 'cycle_id']).execute();
  },
});
