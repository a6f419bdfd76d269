import type { PeriodRecord } from '@domain/appraisal/appraisal.schema.js';
import type { Executor } from '../../platform/db/executor.js';

/**
 * A module's records about an employee in an appraisal period, listed on the appraisal as
 * evidence beside the scores [docs/design.md §3]: commendations and criticisms, trainings and
 * their results, weekly work reports. They are shown, never scored: the evaluator weighs them.
 */
export type AppraisalEvidenceSource = {
  /** Stable key of the kind of record, e.g. `recognition`. */
  source: string;
  /** Message key of the heading the records are listed under (in the contributor's messages). */
  labelKey: string;
  /** The employee's records dated within [from, to] (YYYY-MM-DD), newest first. */
  load: (db: Executor, employeeId: number, from: string, to: string) => Promise<Omit<PeriodRecord, 'source' | 'sourceLabel'>[]>;
};

declare module '../../platform/context.js' {
  interface ModuleContributions {
    /** Records of other modules listed on an appraisal (see AppraisalEvidenceSource). */
    appraisalEvidence: AppraisalEvidenceSource;
  }
}
