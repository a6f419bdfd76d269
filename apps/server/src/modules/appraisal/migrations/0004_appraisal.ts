import type { Kysely } from 'kysely';
import type { EngineMigration } from '../../../platform/db/migration.js';
import { emptyText, money, withId, withRecordMeta } from '../../../platform/db/columns.js';

/**
 * Performance appraisal [4]: versioned templates, cycles, one appraisal per employee and cycle,
 * peer reviews, customer review links and reviews, KPI targets, attendance, results applied.
 * Scores are integer hundredths (`*_x100`: 82.98 is 8298) so both engines add them up exactly.
 */
export const appraisal: EngineMigration = (engine) => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('server_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await withId(engine, db.schema.createTable('appraisal_templates'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('appraisal_templates_version_uq', ['type', 'version_no'])
      .execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('appraisal_cycles'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('template_id', 'integer', (c) => c.notNull().references('appraisal_templates.id'))
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('self_due', 'text', (c) => c.notNull())
        .addColumn('supervisor_due', 'text', (c) => c.notNull())
        .addColumn('reviews_due', 'text')
        .addColumn('feedback_due', 'text', (c) => c.notNull())
        .addColumn('department_ids_json', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('closed_by', 'integer')
        .addUniqueConstraint('appraisal_cycles_period_uq', ['type', 'period']),
    ).execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('appraisals'))
        .addColumn('cycle_id', 'integer', (c) => c.notNull().references('appraisal_cycles.id'))
        .addColumn('employee_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('supervisor_id', 'integer', (c) => c.references('users.id'))
        .addColumn('template_id', 'integer', (c) => c.notNull().references('appraisal_templates.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('department_id', 'integer')
        .addColumn('position_title', 'text')
        .addColumn('customer_facing', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('objective_json', 'text', (c) => c.notNull())
        .addColumn('self_json', 'text')
        .addColumn('self_score_x100', 'integer')
        .addColumn('self_submitted_at', 'text')
        .addColumn('supervisor_json', 'text')
        .addColumn('total_score_x100', 'integer')
        .addColumn('supervisor_submitted_at', 'text')
        .addColumn('supervisor_submitted_by', 'integer')
        .addColumn('peer_score_x100', 'integer')
        .addColumn('customer_score_x100', 'integer')
        .addColumn('rater_weights_json', 'text')
        .addColumn('computed_final_x100', 'integer')
        .addColumn('final_score_x100', 'integer')
        .addColumn('grade', 'text')
        .addColumn('feedback_json', 'text')
        .addColumn('feedback_at', 'text')
        .addColumn('feedback_by', 'integer')
        .addColumn('acknowledged_at', 'text')
        .addColumn('disputed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('employee_comment', 'text')
        .addColumn('calibration_reason', 'text')
        .addColumn('calibrated_at', 'text')
        .addColumn('calibrated_by', 'integer')
        .addColumn('finalized_at', 'text')
        .addColumn('finalized_by', 'integer')
        .addColumn('step_due', 'text')
        .addUniqueConstraint('appraisals_cycle_employee_uq', ['cycle_id', 'employee_id']),
    ).execute();
    await db.schema.createIndex('appraisals_cycle_status_idx').on('appraisals').columns(['cycle_id', 'status']).execute();
    await db.schema.createIndex('appraisals_employee_idx').on('appraisals').columns(['employee_id', 'cycle_id']).execute();
    await db.schema.createIndex('appraisals_supervisor_idx').on('appraisals').columns(['supervisor_id', 'status']).execute();
    await db.schema.createIndex('appraisals_due_idx').on('appraisals').columns(['status', 'step_due']).execute();

    await withId(engine, db.schema.createTable('peer_reviews'))
      .addColumn('appraisal_id', 'integer', (c) => c.notNull().references('appraisals.id'))
      .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('teamwork_x100', 'integer')
      .addColumn('communication_x100', 'integer')
      .addColumn('score_x100', 'integer')
      .addColumn('comment', 'text')
      .addColumn('requested_by', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addUniqueConstraint('peer_reviews_uq', ['appraisal_id', 'reviewer_id'])
      .execute();
    await db.schema.createIndex('peer_reviews_reviewer_idx').on('peer_reviews').columns(['reviewer_id', 'status']).execute();

    await withId(engine, db.schema.createTable('customer_review_links'))
      .addColumn('appraisal_id', 'integer', (c) => c.notNull().references('appraisals.id'))
      .addColumn('reviewer_name', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('voided_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('customer_review_links_appraisal_idx').on('customer_review_links').column('appraisal_id').execute();

    await withId(engine, db.schema.createTable('customer_reviews'))
      .addColumn('link_id', 'integer', (c) => c.notNull().unique().references('customer_review_links.id'))
      .addColumn('appraisal_id', 'integer', (c) => c.notNull().references('appraisals.id'))
      .addColumn('reviewer_name', 'text', (c) => c.notNull())
      .addColumn('ratings_json', 'text', (c) => c.notNull())
      .addColumn('score_x100', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull().defaultTo(emptyText))
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('customer_reviews_appraisal_idx').on('customer_reviews').column('appraisal_id').execute();
    await db.schema.createIndex('customer_reviews_submitted_idx').on('customer_reviews').column('submitted_at').execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('kpi_targets'))
        .addColumn('period_type', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('sales_target_fen', money)
        .addColumn('profit_target_fen', money)
        .addColumn('profit_actual_fen', money)
        .addColumn('market_share_target_bp', 'integer')
        .addColumn('market_share_actual_bp', 'integer')
        .addColumn('projects_target', 'integer')
        .addColumn('projects_actual', 'integer')
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addUniqueConstraint('kpi_targets_subject_period_uq', ['subject_key', 'period']),
    ).execute();
    await db.schema.createIndex('kpi_targets_period_idx').on('kpi_targets').columns(['period', 'subject_key']).execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('attendance_records'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('late_count', 'integer', (c) => c.notNull())
        .addColumn('absent_half_days', 'integer', (c) => c.notNull())
        .addColumn('leave_half_days', 'integer', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addUniqueConstraint('attendance_user_month_uq', ['user_id', 'month']),
    ).execute();
    await db.schema.createIndex('attendance_month_idx').on('attendance_records').columns(['month', 'user_id']).execute();

    await withRecordMeta(
      withId(engine, db.schema.createTable('appraisal_results'))
        .addColumn('cycle_id', 'integer', (c) => c.notNull().references('appraisal_cycles.id'))
        .addColumn('appraisal_id', 'integer', (c) => c.notNull().references('appraisals.id'))
        .addColumn('employee_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('final_score_x100', 'integer', (c) => c.notNull())
        .addColumn('base_fen', money)
        .addColumn('coefficient_x10000', 'integer')
        .addColumn('amount_fen', money)
        .addColumn('basis_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(emptyText))
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addUniqueConstraint('appraisal_results_uq', ['appraisal_id', 'kind']),
    ).execute();
    await db.schema.createIndex('appraisal_results_cycle_idx').on('appraisal_results').columns(['cycle_id', 'kind']).execute();
  },
});
