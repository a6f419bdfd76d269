import { APPRAISAL_STATUSES, type AppraisalStatus } from '@domain/appraisal/appraisal.machine.js';

export { APPRAISAL_STATUSES, type AppraisalStatus };

/** The steps an appraisal walks through, in order, per cycle type [4.4]. */
export function stepsOf(type: 'monthly' | 'annual'): AppraisalStatus[] {
  return APPRAISAL_STATUSES.filter((s) => type === 'annual' || s !== 'peer_review');
}

export const STATUS_COLORS: Record<AppraisalStatus, string> = {
  self_assessment: 'default',
  supervisor_review: 'processing',
  peer_review: 'purple',
  feedback: 'gold',
  calibration: 'cyan',
  finalized: 'success',
};

export const GRADE_COLORS: Record<string, string> = { S: '#722ed1', A: '#1677ff', B: '#13c2c2', C: '#faad14', D: '#f5222d' };

export const CUSTOMER_ITEMS = ['serviceQuality', 'responsiveness', 'professionalism', 'overall'] as const;
