import type { Database } from '../platform/db/database.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { writeAudit } from '../platform/audit/audit.js';
import { seedOrg } from './org.demo.js';
import { seedSales } from './sales.demo.js';
import { seedDelivery } from './delivery.demo.js';
import { seedAppraisal } from './appraisal.demo.js';

export const DEMO_PASSWORD = 'Demo#2026';

export type DemoContext = {
  database: Database;
  at: string;
  passwordHash: string;
  userIds: Record<string, number>;
  departmentIds: Record<string, number>;
};

/** Loads the demo company; every part upserts by a natural key, so running it twice changes nothing. */
export async function seedDemo(database: Database): Promise<string> {
  const ctx: DemoContext = { database, at: new Date().toISOString(), passwordHash: await hashPassword(DEMO_PASSWORD), userIds: {}, departmentIds: {} };
  const created = await database.db.transaction().execute(async (trx) => {
    const n = await seedOrg(trx, ctx);
    if (n > 0) await writeAudit(trx, database.engine, null, { action: 'seed-demo', entity: 'system', entityId: null, after: { created: n } }, ctx.at);
    return n;
  });
  const sales = await seedSales(database, ctx.userIds);
  const delivery = await seedDelivery(database);
  const appraisal = await seedAppraisal(database);
  const total = created + sales + delivery + appraisal;
  return total > 0 ? `${total} records created` : 'already present';
}
