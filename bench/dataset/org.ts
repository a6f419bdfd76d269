import { presentDepartment } from '../../apps/server/src/modules/org/departments.service.js';
import type { DepartmentRow } from '../../apps/server/src/modules/org/departments.repo.js';
import { randomToken, sha256 } from '../../apps/server/src/platform/auth/tokens.js';
import type { Size } from '../lib/target.js';
import { workText } from '../lib/chinese.js';
import { DEPARTMENTS, DEPARTMENT_COUNT } from './org-template.js';
import { departmentManagers, planPeople, type Person } from './org-people.js';
import { simulateUsers, userRow } from './org-activity.js';
import type { DatasetContext, DatasetPart } from './types.js';

const COUNTS = {
  S: { employees: 30, audit: 600, tokens: 3 },
  M: { employees: 100, audit: 5_000, tokens: 6 },
  L: { employees: 1_000, audit: 50_000, tokens: 20 },
} as const satisfies Record<Size, unknown>;

const DAY = 24 * 3600_000;
const TOKEN_NAMES = ['财务系统数据同步', 'BI 报表抽取', '企业微信通知', '钉钉审批对接', 'OA 单点登录', '数据仓库 ETL', '备份巡检脚本'];

function departmentRows(ctx: DatasetContext, size: Size, goLive: Date, people: Person[]) {
  const depts = DEPARTMENTS.slice(0, DEPARTMENT_COUNT[size]);
  const ids = new Map(depts.map((d, i) => [d.code, i + 1]));
  const managers = departmentManagers(depts, people);
  const admin = { id: 1, name: people[0]!.name };
  const rows = depts.map((d, i) => {
    const createdAt = new Date(goLive.getTime() + 600_000 + i * 45_000).toISOString();
    const updatedAt = new Date(goLive.getTime() + 2 * DAY + i * 60_000).toISOString();
    const managerId = managers.get(d.code) ?? null;
    const base = {
      id: i + 1,
      name: d.name,
      code: d.code,
      kind: d.kind,
      parent_id: d.parent ? ids.get(d.parent)! : null,
      manager_id: null as number | null,
      description: `${d.description}；${workText(ctx.rng, 1)}`,
      sort_order: (i + 1) * 10,
      active: 1,
      version: 1,
      created_at: createdAt,
      created_by: 1,
      updated_at: createdAt,
    };
    const members = people.filter((p) => p.dept === d.code && !p.leftAt).length;
    const before = presentDepartment({ ...base, manager_name: null, member_count: 0 } as DepartmentRow);
    ctx.audit.push({ at: createdAt, actor: admin, ip: '10.20.0.1', action: 'create', entity: 'department', entityId: base.id, after: before });
    if (managerId === null) return base;
    const final = { ...base, manager_id: managerId, version: 2, updated_at: updatedAt };
    const after = presentDepartment({ ...final, manager_name: people[managerId - 1]!.name, member_count: members } as DepartmentRow);
    ctx.audit.push({ at: updatedAt, actor: admin, ip: '10.20.0.1', action: 'update', entity: 'department', entityId: base.id, before, after });
    return final;
  });
  return { rows, ids, names: new Map(depts.map((d) => [d.code, d.name])) };
}

function tokenRows(ctx: DatasetContext, count: number, people: Person[], goLive: Date) {
  const owners = people.filter((p) => !p.leftAt && ['admin', 'finance', 'hr'].includes(p.role));
  const admin = { id: 1, name: people[0]!.name };
  return Array.from({ length: count }, (_, i) => {
    const owner = ctx.rng.pick(owners);
    const created = ctx.rng.between(new Date(Math.max(goLive.getTime(), Date.parse(owner.createdAt)) + DAY), new Date(ctx.now.getTime() - 10 * DAY));
    const secret = `yy_${randomToken(30)}`;
    const revoked = ctx.rng.chance(0.25) ? ctx.rng.between(created, new Date(ctx.now.getTime() - DAY)).toISOString() : null;
    const expires = ctx.rng.chance(0.3) ? new Date(created.getTime() + ctx.rng.int(90, 900) * DAY).toISOString().slice(0, 10) + 'T23:59:59.999Z' : null;
    const row = {
      id: i + 1,
      name: `${ctx.rng.pick(TOKEN_NAMES)} #${i + 1}`,
      token_hash: sha256(secret),
      prefix: secret.slice(0, 10),
      user_id: owner.id,
      created_by: 1,
      created_at: created.toISOString(),
      expires_at: expires,
      last_used_at: revoked ? null : new Date(ctx.now.getTime() - ctx.rng.int(1, 72) * 3600_000).toISOString(),
      revoked_at: revoked,
    };
    const dto = { id: row.id, name: row.name, prefix: row.prefix, userId: owner.id, userName: owner.name, createdBy: 1, createdAt: row.created_at, expiresAt: expires, lastUsedAt: null, revokedAt: null };
    ctx.audit.push({ at: row.created_at, actor: admin, ip: '10.20.0.1', action: 'create', entity: 'api_token', entityId: row.id, after: dto });
    if (revoked) ctx.audit.push({ at: revoked, actor: admin, ip: '10.20.0.1', action: 'revoke', entity: 'api_token', entityId: row.id });
    return row;
  });
}

/** The Foundation's share: the department tree, employees with roles and supervisors, API tokens, their activity. */
export const orgDataset: DatasetPart = {
  module: 'org',
  async generate(ctx, size) {
    const counts = COUNTS[size];
    const goLive = new Date(ctx.now.getTime() - 730 * DAY);
    const depts = DEPARTMENTS.slice(0, DEPARTMENT_COUNT[size]);
    const people = planPeople(ctx.rng, depts, counts.employees, ctx.now, goLive);
    const departments = departmentRows(ctx, size, goLive, people);
    const names = {
      dept: (code: string | null) => (code ? { id: departments.ids.get(code) ?? null, name: departments.names.get(code) ?? null } : { id: null, name: null }),
      person: (id: number | null) => (id ? people[id - 1]!.name : null),
    };
    const tokens = tokenRows(ctx, counts.tokens, people, goLive);
    const budget = counts.audit - ctx.audit.length;
    const states = simulateUsers(ctx.rng, people, names, budget, ctx.now, ctx.audit);
    await ctx.insert('departments', departments.rows);
    await ctx.insert('users', people.map((p) => userRow(p, states.get(p.id)!, names, ctx.passwordHash)));
    await ctx.insert('api_tokens', tokens);
    return { departments: departments.rows.length, users: people.length, api_tokens: tokens.length };
  },
};
