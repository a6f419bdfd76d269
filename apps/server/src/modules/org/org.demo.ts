import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { DEMO_PASSWORD, type DemoKit } from '../../platform/demo-kit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { writeAudit } from '../../platform/audit/audit.js';

/** What seeding the organisation fills in: the ids of departments and users by code and username. */
export type OrgDemoContext = {
  at: string;
  passwordHash: string;
  userIds: Record<string, number>;
  departmentIds: Record<string, number>;
};

const DEPARTMENTS = [
  { code: 'LEAD', name: '公司领导', kind: 'leadership', parent: null, sort: 1, description: '公司领导层' },
  { code: 'BIZ', name: '业务部', kind: 'business', parent: 'LEAD', sort: 2, description: '负责业务承接、执行与交付 [2.1]' },
  { code: 'BIZ-1', name: '业务一组（华东）', kind: 'business', parent: 'BIZ', sort: 3, description: '华东区域业务' },
  { code: 'BIZ-2', name: '业务二组（华南）', kind: 'business', parent: 'BIZ', sort: 4, description: '华南区域业务' },
  { code: 'MKT', name: '市场部', kind: 'marketing', parent: 'LEAD', sort: 5, description: '获取业务线索、市场推广' },
  { code: 'HR', name: '人力资源部', kind: 'hr', parent: 'LEAD', sort: 6, description: '绩效、培训与人事' },
  { code: 'FIN', name: '财务部', kind: 'finance', parent: 'LEAD', sort: 7, description: '费用报销、回款确认' },
] as const;

type DemoUser = {
  username: string;
  name: string;
  role: string;
  title: string;
  dept: string;
  supervisor: string | null;
  areas?: string[];
  customerFacing?: boolean;
  hireDate: string;
};

export const DEMO_USERS: DemoUser[] = [
  { username: 'leader', name: '王建国', role: 'leader', title: '总经理', dept: 'LEAD', supervisor: null, hireDate: '2015-03-01' },
  { username: 'manager', name: '李明', role: 'manager', title: '业务部经理', dept: 'BIZ', supervisor: 'leader', hireDate: '2017-06-12', customerFacing: true },
  { username: 'deputy', name: '张华', role: 'deputy', title: '业务部副经理', dept: 'BIZ', supervisor: 'manager', areas: ['华东', '政企'], hireDate: '2018-09-03', customerFacing: true },
  { username: 'pm', name: '陈静', role: 'pm', title: '项目经理', dept: 'BIZ-1', supervisor: 'deputy', areas: ['华东'], hireDate: '2019-04-15', customerFacing: true },
  { username: 'specialist', name: '刘洋', role: 'specialist', title: '业务专员', dept: 'BIZ-1', supervisor: 'pm', areas: ['华东'], hireDate: '2021-07-01', customerFacing: true },
  { username: 'specialist2', name: '赵敏', role: 'specialist', title: '业务专员', dept: 'BIZ-2', supervisor: 'deputy', areas: ['华南'], hireDate: '2022-02-21', customerFacing: true },
  { username: 'hr', name: '孙丽', role: 'hr', title: '人力资源主管', dept: 'HR', supervisor: 'leader', hireDate: '2018-01-08' },
  { username: 'marketing', name: '周杰', role: 'marketing', title: '市场专员', dept: 'MKT', supervisor: 'leader', hireDate: '2020-05-18' },
  { username: 'finance', name: '吴芳', role: 'finance', title: '财务主管', dept: 'FIN', supervisor: 'leader', hireDate: '2016-11-30' },
];

/** Departments and one user of every role (password DEMO_PASSWORD), upserted by code and username. */
export async function seedOrg(trx: Transaction<DB>, ctx: OrgDemoContext): Promise<number> {
  let created = 0;
  for (const d of DEPARTMENTS) {
    const existing = await trx.selectFrom('departments').select('id').where('code', '=', d.code).executeTakeFirst();
    if (existing) {
      ctx.departmentIds[d.code] = existing.id;
      continue;
    }
    const { id } = await trx
      .insertInto('departments')
      .values({
        name: d.name,
        code: d.code,
        kind: d.kind,
        parent_id: d.parent ? ctx.departmentIds[d.parent]! : null,
        manager_id: null,
        description: d.description,
        sort_order: d.sort,
        active: 1,
        version: 1,
        created_at: ctx.at,
        created_by: null,
        updated_at: ctx.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.departmentIds[d.code] = id;
    created++;
  }
  const admin = await trx.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (admin) ctx.userIds.admin = admin.id;
  for (const u of DEMO_USERS) {
    const existing = await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    if (existing) {
      ctx.userIds[u.username] = existing.id;
      continue;
    }
    const { id } = await trx
      .insertInto('users')
      .values({
        username: u.username,
        name: u.name,
        email: `${u.username}@demo.yunying.local`,
        phone: null,
        password_hash: ctx.passwordHash,
        role: u.role,
        position_title: u.title,
        department_id: ctx.departmentIds[u.dept]!,
        supervisor_id: u.supervisor ? ctx.userIds[u.supervisor]! : null,
        business_areas: JSON.stringify(u.areas ?? []),
        customer_facing: u.customerFacing ? 1 : 0,
        active: 1,
        hire_date: u.hireDate,
        locale: null,
        must_change_password: 0,
        version: 1,
        created_at: ctx.at,
        created_by: null,
        updated_at: ctx.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.userIds[u.username] = id;
    created++;
  }
  const managers: Record<string, string> = { LEAD: 'leader', BIZ: 'manager', 'BIZ-1': 'pm', 'BIZ-2': 'deputy', MKT: 'marketing', HR: 'hr', FIN: 'finance' };
  for (const [code, username] of Object.entries(managers)) {
    await trx.updateTable('departments').set({ manager_id: ctx.userIds[username]! }).where('code', '=', code).where('manager_id', 'is', null).execute();
  }
  return created;
}

/** The organisation's demo part: departments and users, in one transaction with its audit entry. */
export async function seedOrgDemo(kit: DemoKit): Promise<number> {
  const ctx: OrgDemoContext = { at: kit.at, passwordHash: await hashPassword(DEMO_PASSWORD), userIds: {}, departmentIds: {} };
  const created = await kit.db.transaction().execute(async (trx) => {
    const n = await seedOrg(trx, ctx);
    if (n > 0) await writeAudit(trx, kit.deps.engine, null, { action: 'seed-demo', entity: 'system', entityId: null, after: { created: n } }, ctx.at);
    return n;
  });
  await kit.refresh();
  return created;
}
