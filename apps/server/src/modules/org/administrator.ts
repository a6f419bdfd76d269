import type { Config } from '../../config.js';
import type { Database } from '../../platform/db/database.js';
import { generatePassword, hashPassword } from '../../platform/auth/passwords.js';
import { writeAudit } from '../../platform/audit/audit.js';

/**
 * The first start with no users creates the administrator: the password comes from
 * YUNYING_ADMIN_PASSWORD, or is generated and answered once so the caller can print it.
 */
export async function ensureAdministrator(database: Pick<Database, 'db' | 'engine'>, config: Pick<Config, 'adminPassword'>): Promise<{ created: boolean; password: string | null }> {
  const any = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false, password: null };
  const password = config.adminPassword ?? generatePassword();
  const at = new Date().toISOString();
  await database.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('users')
      .values({
        username: 'admin',
        name: '系统管理员',
        email: null,
        phone: null,
        password_hash: await hashPassword(password),
        role: 'admin',
        position_title: '系统管理员',
        department_id: null,
        supervisor_id: null,
        business_areas: '[]',
        customer_facing: 0,
        active: 1,
        hire_date: null,
        locale: null,
        must_change_password: config.adminPassword ? 0 : 1,
        version: 1,
        created_at: at,
        created_by: null,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, database.engine, null, { action: 'create', entity: 'user', entityId: id, after: { username: 'admin', role: 'admin' } }, at);
  });
  return { created: true, password: config.adminPassword ? null : password };
}

