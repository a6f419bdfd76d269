import { hashPassword } from '../../apps/server/src/platform/auth/passwords.js';
import type { Engine } from '../../apps/server/src/platform/db/database.js';
import { DEMO_PASSWORD } from '../../apps/server/src/platform/demo-kit.js';
import { orgModule } from '../../apps/server/src/modules/org/index.js';
import type { Actor } from '@domain/shared/actor.js';
import type { Role } from '@domain/shared/roles.js';
import type { RequestMeta } from '../../apps/server/src/platform/context.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * A test app with the demo organisation only (departments and users of every role), so the
 * platform components' tests see no records other modules' demo data would create.
 */
export async function createPlatformTestApp(engine: Engine, options: Parameters<typeof createTestApp>[1] = {}): Promise<TestApp> {
  const t = await createTestApp(engine, { ...options, demo: false });
  const ctx = { at: new Date().toISOString(), passwordHash: await hashPassword(DEMO_PASSWORD), userIds: {}, departmentIds: {} };
  await t.database.db.transaction().execute((trx) => orgModule.demo.seedOrg(trx, ctx));
  return t;
}

/** The request meta a route would build for a user, for calling services directly. */
export async function metaOf(t: TestApp, username: string): Promise<RequestMeta> {
  const u = await t.database.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const actor: Actor = { id: u.id, username: u.username, name: u.name, role: u.role as Role, departmentId: u.department_id, businessAreas: JSON.parse(u.business_areas) as string[], via: 'session' };
  return { actor, ip: '127.0.0.1', locale: 'zh-CN' };
}
