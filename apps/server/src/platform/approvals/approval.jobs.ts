import type { Job } from '../scheduler/scheduler.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/executor.js';
import { approvalSelect } from './approvals.repo.js';
import { remindNow } from './approvals.js';

export const OVERDUE_AFTER_MS = 24 * 3600_000;

/** Reminds the approvers of every approval whose current step has waited more than 24 hours. */
export async function remindOverdueApprovals(deps: Deps, at: Date): Promise<number> {
  const cutoff = new Date(at.getTime() - OVERDUE_AFTER_MS).toISOString();
  const iso = at.toISOString();
  let reminded = 0;
  let lastId = 0;
  for (;;) {
    const rows = await approvalSelect(deps.db).where('a.status', '=', 'pending').where('a.step_started_at', '<=', cutoff).where('a.id', '>', lastId).orderBy('a.id').limit(200).execute();
    if (rows.length === 0) return reminded;
    for (const row of rows) {
      if (await inTransaction(deps.db, (trx) => remindNow(trx, deps, null, row, iso))) reminded++;
    }
    lastId = rows[rows.length - 1]!.id;
  }
}

export const approvalReminderJob: Job = {
  name: 'remind-overdue-approvals',
  pattern: '7 9 * * *',
  run: async (deps, at) => {
    await remindOverdueApprovals(deps, at);
  },
};
