import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Engine } from '../../apps/server/src/platform/db/database.js';
import type { Client, TestApp } from './test-app.js';
import { createPlatformTestApp } from './platform-test-app.js';

/** A settable clock: appraisal tests live in 2031 so they never meet the demo's cycles. */
export type Clock = { now: Date; advanceDays: (days: number) => void };

export function clockAt(iso: string): Clock {
  const clock: Clock = {
    now: new Date(iso),
    advanceDays(days) {
      clock.now = new Date(clock.now.getTime() + days * 86_400_000);
    },
  };
  return clock;
}

/** The demo organisation on a settable clock, with a throw-away data folder for uploaded files. */
export async function appraisalTestApp(engine: Engine, clock: Clock): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yy-appraisal-'));
  const t = await createPlatformTestApp(engine, { now: () => clock.now, config: { dataDir } });
  return {
    ...t,
    close: async () => {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Detail = {
  id: number;
  status: string;
  template: { dimensions: { items: { key: string; source: string }[] }[] };
  objective: Record<string, { score: number | null }>;
};

export function itemKeys(d: Detail): string[] {
  return d.template.dimensions.flatMap((dim) => dim.items.map((i) => i.key));
}

/** A complete form: every item `score`, except objective items that keep their computed score when `keepComputed`. */
export function fillItems(d: Detail, score: number, keepComputed = false, overrides: Record<string, Record<string, unknown>> = {}) {
  return Object.fromEntries(
    itemKeys(d).map((k) => {
      const computed = d.objective[k]?.score ?? null;
      return [k, { score: keepComputed && computed !== null ? computed : score, ...overrides[k] }];
    }),
  );
}

/** The appraisal of `username` in the cycle, as HR sees it. */
export async function appraisalOf(t: TestApp, hr: Client, cycleId: number, username: string): Promise<Detail & Record<string, unknown>> {
  const employeeId = await t.userId(username);
  const list = await hr.get(`/api/appraisals?cycleId=${cycleId}&employeeId=${employeeId}`);
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  expect(list.body.items).toHaveLength(1);
  const detail = await hr.get(`/api/appraisals/${list.body.items[0].id}`);
  expect(detail.status).toBe(200);
  return detail.body;
}

/** The last audit entry about an appraisal (action name), read straight from the log. */
export async function lastAudit(t: TestApp, entity: string, id: number | string) {
  return t.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'before_json', 'after_json']).where('entity', '=', entity).where('entity_id', '=', String(id)).orderBy('id', 'desc').limit(1).executeTakeFirst();
}
