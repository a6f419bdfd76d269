import { addDays, nthLastWorkingDay } from '@domain/appraisal/period.rules.js';
import { localDate } from '@domain/settings/settings.rules.js';
import type { Job } from '../../platform/scheduler/scheduler.js';
import { AppError } from '../../platform/http/errors.js';
import { notify } from '../../platform/notify/notify.js';
import { openCycle } from './cycle-open.js';
import { appraisalSettings } from './settings.load.js';
import { typeParam } from './appraisal-actions.js';

/**
 * [4.2] monthly appraisals happen at month end: from the setting's n-th last working day on, the
 * month's cycle opens by itself unless HR opened it already (the unique period makes a second
 * opening impossible, with one instance or several).
 */
export const openMonthlyCycleJob: Job = {
  name: 'appraisal.open-monthly-cycle',
  pattern: '30 7 * * *',
  run: async (deps, at) => {
    const today = localDate(at);
    const period = today.slice(0, 7);
    const rule = (await appraisalSettings(deps.db, today))['appraisal.monthlyAutoOpen'];
    if (!rule.enabled || today < nthLastWorkingDay(period, rule.workingDaysBeforeMonthEnd)) return;
    const exists = await deps.db.selectFrom('appraisal_cycles').select('id').where('type', '=', 'monthly').where('period', '=', period).executeTakeFirst();
    if (exists) return;
    try {
      await openCycle(deps, deps.db, null, { type: 'monthly', period });
    } catch (err) {
      // Nobody in scope, or HR opened it a moment ago: nothing to do.
      if (err instanceof AppError && (err.status === 400 || err.status === 409)) return;
      throw err;
    }
  },
};

const RESPONSIBLE = { self_assessment: 'employee', supervisor_review: 'supervisor', peer_review: 'supervisor', feedback: 'supervisor' } as const;

/** Daily: whoever holds a step due by tomorrow (or overdue) is reminded in the inbox; so are peers with a form still open. */
export const stepRemindersJob: Job = {
  name: 'appraisal.step-reminders',
  pattern: '0 9 * * *',
  run: async (deps, at) => {
    const horizon = addDays(localDate(at), 1);
    const due = await deps.db
      .selectFrom('appraisals as a')
      .innerJoin('appraisal_cycles as c', 'c.id', 'a.cycle_id')
      .innerJoin('users as e', 'e.id', 'a.employee_id')
      .select(['a.id', 'a.status', 'a.employee_id', 'a.supervisor_id', 'a.feedback_at', 'a.step_due', 'c.type', 'c.period', 'e.name as employee_name'])
      .where('c.status', '=', 'open')
      .where('a.status', 'in', Object.keys(RESPONSIBLE))
      .where('a.step_due', '<=', horizon)
      .execute();
    const peers = await deps.db
      .selectFrom('peer_reviews as p')
      .innerJoin('appraisals as a', 'a.id', 'p.appraisal_id')
      .innerJoin('appraisal_cycles as c', 'c.id', 'a.cycle_id')
      .innerJoin('users as e', 'e.id', 'a.employee_id')
      .select(['p.id', 'p.reviewer_id', 'c.type', 'c.period', 'c.reviews_due', 'e.name as employee_name'])
      .where('p.status', '=', 'pending')
      .where('a.status', '=', 'peer_review')
      .where('c.status', '=', 'open')
      .where('c.reviews_due', '<=', horizon)
      .execute();
    if (due.length === 0 && peers.length === 0) return;
    await deps.db.transaction().execute(async (trx) => {
      for (const a of due) {
        // After the feedback record it is the employee's turn to acknowledge.
        const who = a.status === 'feedback' && a.feedback_at !== null ? 'employee' : RESPONSIBLE[a.status as keyof typeof RESPONSIBLE];
        const userId = who === 'employee' ? a.employee_id : a.supervisor_id;
        if (userId === null) continue;
        await notify(trx, deps, {
          userIds: [userId],
          kind: 'appraisal.step_due',
          params: { employee: a.employee_name, period: a.period, type: typeParam(a.type), step: `i18n:appraisal.step.${a.status}`, due: a.step_due ?? '' },
          entity: 'appraisal',
          entityId: a.id,
          link: `/appraisal/appraisals/${a.id}`,
        });
      }
      for (const p of peers) {
        await notify(trx, deps, {
          userIds: [p.reviewer_id],
          kind: 'appraisal.step_due',
          params: { employee: p.employee_name, period: p.period, type: typeParam(p.type), step: 'i18n:appraisal.step.peer', due: p.reviews_due ?? '' },
          entity: 'peer_review',
          entityId: p.id,
          link: `/appraisal/peer-reviews/${p.id}`,
        });
      }
    });
  },
};
