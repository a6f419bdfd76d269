import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import type { TestApp } from '@support/test-app.js';
import { appraisalTestApp, clockAt } from '@support/appraisal-kit.js';
import { openMonthlyCycleJob, stepRemindersJob } from './appraisal.jobs.js';
import { openCycle } from './cycle-open.js';
import { metaOf } from '@support/platform-test-app.js';

/** Counts the SQL statements a piece of work sends, whatever the engine. */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const clock = clockAt('2031-07-30T00:30:00Z');

describeEngines('scheduled appraisal jobs and opening at scale', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appraisalTestApp(engine, clock);
  });
  afterAll(() => t.close());

  describe('opening the monthly cycle at month end', () => {
    it.each([
      // July 2031 ends on a Thursday: the 2nd-to-last working day is Wednesday the 30th.
      ['2031-07-28T01:00:00Z', 0],
      ['2031-07-30T01:00:00Z', 1],
      ['2031-07-31T01:00:00Z', 1],
    ])('at %s there are %s July cycles', async (at, count) => {
      await openMonthlyCycleJob.run(t.deps, new Date(at));
      const cycles = await t.database.db.selectFrom('appraisal_cycles').select(['id', 'created_by']).where('type', '=', 'monthly').where('period', '=', '2031-07').execute();
      expect(cycles).toHaveLength(count);
      if (count) expect(cycles[0]!.created_by).toBeNull();
    });
  });

  describe('reminders', () => {
    it('reminds whoever holds a step due by tomorrow, once per run', async () => {
      const specialistId = await t.userId('specialist');
      const before = await t.database.db.selectFrom('notifications').select('id').where('user_id', '=', specialistId).where('kind', '=', 'appraisal.step_due').execute();
      expect(before).toHaveLength(0);
      // Self-assessment is due 3 days after opening (2031-08-02); the day before, reminders go out.
      await stepRemindersJob.run(t.deps, new Date('2031-07-31T01:00:00Z'));
      expect(await t.database.db.selectFrom('notifications').select('id').where('user_id', '=', specialistId).where('kind', '=', 'appraisal.step_due').execute()).toHaveLength(0);
      await stepRemindersJob.run(t.deps, new Date('2031-08-01T01:00:00Z'));
      const sent = await t.database.db.selectFrom('notifications').select(['params_json', 'link']).where('user_id', '=', specialistId).where('kind', '=', 'appraisal.step_due').execute();
      expect(sent).toHaveLength(1);
      expect(JSON.parse(sent[0]!.params_json)).toMatchObject({ step: 'i18n:appraisal.step.self_assessment', due: '2031-08-02', period: '2031-07' });
      const inbox = await (await t.as('specialist')).get('/api/notifications');
      expect(inbox.body.items.find((n: { kind: string }) => n.kind === 'appraisal.step_due').title).toBe('提醒：刘洋的2031-07月度考核「员工自评」截止日期为 2031-08-02');
    });
  });

  it('opens a cycle for 1,000 employees with as many statements as for one (set-wise, batched)', async () => {
    const db = t.database.db;
    const dept = await db.selectFrom('departments').select('id').where('code', '=', 'BIZ-1').executeTakeFirstOrThrow();
    const small = await db.selectFrom('departments').select('id').where('code', '=', 'BIZ-2').executeTakeFirstOrThrow();
    const pmId = await t.userId('pm');
    const at = clock.now.toISOString();
    const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'pm').executeTakeFirstOrThrow()).password_hash;
    const users = Array.from({ length: 995 }, (_, i) => ({
      username: `bulk${i}`,
      name: `员工${i}`,
      password_hash: hash,
      role: 'specialist',
      position_title: i % 3 ? '业务专员' : '高级业务专员',
      department_id: dept.id,
      supervisor_id: pmId,
      business_areas: '[]',
      customer_facing: 1,
      active: 1,
      must_change_password: 0,
      version: 1,
      created_at: at,
      updated_at: at,
    }));
    for (let i = 0; i < users.length; i += 200) await db.insertInto('users').values(users.slice(i, i + 200)).execute();
    const ids = (await db.selectFrom('users').select('id').where('username', 'like', 'bulk%').execute()).map((u) => u.id);
    const targets = ids.map((id) => ({ period_type: 'month', period: '2031-09', user_id: id, subject_key: `u:${id}`, sales_target_fen: 10_000_000, note: '', version: 1, created_at: at, updated_at: at }));
    for (let i = 0; i < targets.length; i += 200) await db.insertInto('kpi_targets').values(targets.slice(i, i + 200)).execute();
    const attendance = ids.map((id, i) => ({ user_id: id, month: '2031-09', late_count: i % 4, absent_half_days: 0, leave_half_days: i % 3, note: '', version: 1, created_at: at, updated_at: at }));
    for (let i = 0; i < attendance.length; i += 200) await db.insertInto('attendance_records').values(attendance.slice(i, i + 200)).execute();

    const meta = await metaOf(t, 'hr');
    const statementsFor = async (period: string, departmentIds?: number[]) => {
      const counter = new StatementCounter();
      const counted = db.withPlugin(counter);
      const id = await openCycle({ ...t.deps, db: counted }, counted, meta, { type: 'monthly', period, ...(departmentIds ? { departmentIds } : {}) });
      return { id, statements: counter.count };
    };
    const one = await statementsFor('2031-08', [small.id]);
    const all = await statementsFor('2031-09');
    expect(await db.selectFrom('appraisals').select('id').where('cycle_id', '=', one.id).execute()).toHaveLength(1);
    expect(await db.selectFrom('appraisals').select('id').where('cycle_id', '=', all.id).execute()).toHaveLength(1000);
    expect(all.statements).toBe(one.statements);
    expect(all.statements).toBeGreaterThan(10);
    expect(all.statements).toBeLessThan(40);

    const hr = await t.as('hr');
    const row = await hr.get(`/api/appraisals?cycleId=${all.id}&employeeId=${ids[5]}`);
    const detail = await hr.get(`/api/appraisals/${row.body.items[0].id}`);
    expect(detail.body.objective.discipline.score).toBe(95);
    expect(detail.body.objective.sales).toMatchObject({ score: 0, target: 10_000_000, actual: 0 });
  });
});
