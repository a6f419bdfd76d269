import { Cron } from 'croner';
import type { Deps } from '../context.js';
import { isUniqueViolation } from '../http/errors.js';

export type Job = {
  name: string;
  /** Cron pattern in the server's time zone. */
  pattern: string;
  run: (deps: Deps, at: Date) => Promise<void>;
};

/** The platform's own housekeeping; modules add theirs through their entry objects' `jobs`. */
export const PLATFORM_JOBS: readonly Job[] = [
  {
    name: 'purge-expired-sessions',
    pattern: '17 * * * *',
    run: async (deps, at) => {
      await deps.db.deleteFrom('sessions').where('expires_at', '<', at.toISOString()).execute();
    },
  },
  {
    name: 'purge-old-idempotency-keys',
    pattern: '23 3 * * *',
    run: async (deps, at) => {
      const cutoff = new Date(at.getTime() - 7 * 24 * 3600_000).toISOString();
      await deps.db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).execute();
    },
  },
];

/**
 * Claims the run of `job` for the time slot `slot`. The unique (name, slot) row is the lease:
 * with several instances on one database exactly one insert succeeds, so each run happens once.
 */
export async function claimRun(deps: Deps, name: string, slot: string): Promise<boolean> {
  try {
    await deps.db
      .insertInto('job_runs')
      .values({ name, slot, holder: deps.config.instanceId, started_at: deps.now().toISOString() })
      .execute();
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export async function runJobOnce(deps: Deps, job: Job, slotTime: Date): Promise<boolean> {
  const slot = slotTime.toISOString().slice(0, 16);
  if (!(await claimRun(deps, job.name, slot))) return false;
  await job.run(deps, slotTime);
  return true;
}

/** Runs `jobs` on their cron patterns (the app passes the platform's and every module's). */
export function startScheduler(deps: Deps, jobs: readonly Job[]): { stop: () => void } {
  const crons = jobs.map(
    (job) =>
      new Cron(job.pattern, { protect: true, catch: (err) => deps.log.error({ err, job: job.name }, 'job failed') }, async (self: Cron) => {
        const at = self.currentRun() ?? new Date();
        at.setSeconds(0, 0);
        const ran = await runJobOnce(deps, job, at);
        if (ran) deps.log.info({ job: job.name }, 'job ran');
      }),
  );
  return { stop: () => crons.forEach((c) => c.stop()) };
}
