import { localDate } from '@domain/settings/settings.rules.js';
import { isoWeekday, addDays } from '@domain/delivery/dates.rules.js';
import { periodOf, periodRange } from '@domain/delivery/period.rules.js';
import { OPEN_PROJECT_STATUSES } from '@domain/delivery/project.machine.js';
import type { Job } from '../../platform/scheduler/scheduler.js';
import { getSetting } from '../../platform/settings/settings.js';
import { notify } from '../../platform/notify/notify.js';
import { salesModule } from '../sales/index.js';
import { refreshStats } from './project-figures.js';

/**
 * Each night the figures of open projects move to the new day (days late, overdue receivables
 * change with time alone); a project's own changes refresh it at once.
 */
export const refreshFiguresJob: Job = {
  name: 'delivery.refresh-project-figures',
  pattern: '20 0 * * *',
  run: async (deps, at) => {
    const today = localDate(at);
    const projects = await deps.db
      .selectFrom('projects as j')
      .select(['j.id', 'j.status', 'j.write_off_fen', salesModule.queries.contractAmountOf('j.contract_id').as('contract_fen')])
      .where('j.status', 'in', [...OPEN_PROJECT_STATUSES])
      .execute();
    for (const p of projects) await deps.db.transaction().execute((trx) => refreshStats(trx, p, today, at.toISOString()).then(() => undefined));
  },
};

/** On the last working day of a report period, team members of executing projects who have not reported are reminded [3.2.2]. */
export const reportReminderJob: Job = {
  name: 'delivery.progress-report-reminder',
  pattern: '0 16 * * 1-5',
  run: async (deps, at) => {
    const today = localDate(at);
    const kind = await getSetting(deps.db, 'delivery.progressReport.period', today);
    const period = periodOf(today, kind);
    const { end } = periodRange(period);
    const lastWorkingDay = kind === 'week' ? addDays(end, -2) : isoWeekday(end) > 5 ? addDays(end, 5 - isoWeekday(end)) : end;
    if (today !== lastWorkingDay) return;
    const owing = await deps.db
      .selectFrom('project_members as m')
      .innerJoin('projects as j', 'j.id', 'm.project_id')
      .select(['j.id', 'j.name', 'm.user_id'])
      .where('j.status', '=', 'executing')
      .where('m.active', '=', 1)
      .whereRef('m.user_id', '<>', 'j.pm_id')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('project_progress_reports as r').select('r.id').whereRef('r.project_id', '=', 'j.id').whereRef('r.user_id', '=', 'm.user_id').where('r.period', '=', period))))
      .execute();
    await deps.db.transaction().execute(async (trx) => {
      for (const o of owing) await notify(trx, deps, { userIds: [o.user_id], kind: 'progress.report_due', params: { title: o.name, period }, entity: 'project', entityId: o.id, link: `/projects/${o.id}?tab=progress` });
    });
  },
};
