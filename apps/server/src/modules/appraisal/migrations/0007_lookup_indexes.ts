import type { Kysely } from 'kysely';
import type { EngineMigration } from '../../../platform/db/migration.js';

/** Indexes the L-size benchmark asked for: templates in use, an employee's results. */
export const appraisalLookupIndexes: EngineMigration = () => ({
  async up(db: Kysely<any>) {
    await db.schema.createIndex('appraisals_template_idx').on('appraisals').column('template_id').execute();
    await db.schema.createIndex('appraisal_results_employee_idx').on('appraisal_results').columns(['employee_id', 'cycle_id']).execute();
  },
});
