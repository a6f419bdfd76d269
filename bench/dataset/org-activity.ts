import { presentUser } from '../../apps/server/src/modules/org/users.presenter.js';
import type { UserRow } from '../../apps/server/src/modules/org/users.repo.js';
import { auditable } from '../../apps/server/src/platform/audit/audit.js';
import type { Random } from '../lib/random.js';
import { mobile } from '../lib/chinese.js';
import type { AuditEvent } from './types.js';
import type { Person } from './org-people.js';

/** What changes about a user over time; the final state becomes the stored row. */
export type UserState = {
  version: number;
  updatedAt: string;
  lastLoginAt: string | null;
  title: string;
  phone: string | null;
  email: string;
  locale: string | null;
  active: boolean;
  mustChangePassword: boolean;
};

type Mutation = { at: number; kind: 'update' | 'update-profile' | 'reset-password' | 'change-password' | 'deactivate' };
type Names = { dept: (code: string | null) => { id: number | null; name: string | null }; person: (id: number | null) => string | null };

export function userRow(p: Person, s: UserState, names: Names, passwordHash: string) {
  const dept = names.dept(p.dept);
  return {
    id: p.id,
    username: p.username,
    name: p.name,
    email: s.email,
    phone: s.phone,
    password_hash: passwordHash,
    role: p.role,
    position_title: s.title,
    department_id: dept.id,
    supervisor_id: p.supervisorId,
    business_areas: JSON.stringify(p.areas),
    customer_facing: p.customerFacing ? 1 : 0,
    active: s.active ? 1 : 0,
    hire_date: p.hireDate,
    locale: s.locale,
    must_change_password: s.mustChangePassword ? 1 : 0,
    last_login_at: s.lastLoginAt,
    version: s.version,
    created_at: p.createdAt,
    created_by: p.id === 1 ? null : 1,
    updated_at: s.updatedAt,
  };
}

function dto(p: Person, s: UserState, names: Names) {
  const row = { ...userRow(p, s, names, ''), department_name: names.dept(p.dept).name, supervisor_name: names.person(p.supervisorId) } as UserRow;
  return auditable(presentUser(row));
}

const iso = (t: number) => new Date(t).toISOString();

/**
 * Plays two years of activity per employee — creation, logins, edits by HR, own profile edits,
 * password resets, departures — as audit events, and answers each user's final state.
 */
export function simulateUsers(rng: Random, people: Person[], names: Names, budget: number, now: Date, audit: AuditEvent[]): Map<number, UserState> {
  const states = new Map<number, UserState>();
  const editors = people.filter((p) => (p.role === 'hr' || p.role === 'admin') && !p.leftAt);
  const ipOf = (p: Person) => `10.${20 + (p.id % 30)}.${(p.id >> 8) & 255}.${p.id & 255}`;
  const actorOf = (p: Person) => ({ id: p.id, name: p.name });
  const end = (p: Person) => (p.leftAt ? Date.parse(p.leftAt) : now.getTime());

  const mutations = new Map<number, Mutation[]>(people.map((p) => [p.id, []]));
  const schedule = (count: number, kind: Mutation['kind']) => {
    for (let i = 0; i < count; i++) {
      const p = people[1 + rng.skewedIndex(people.length - 1, 1.3)]!;
      const at = rng.between(new Date(Date.parse(p.createdAt) + 3600_000), new Date(end(p) - 3600_000)).getTime();
      mutations.get(p.id)!.push({ at, kind });
      if (kind === 'reset-password') mutations.get(p.id)!.push({ at: at + rng.int(5, 600) * 60_000, kind: 'change-password' });
    }
  };
  const leavers = people.filter((p) => p.leftAt);
  for (const p of leavers) mutations.get(p.id)!.push({ at: Date.parse(p.leftAt!), kind: 'deactivate' });
  const rest = Math.max(0, budget - people.length - leavers.length);
  schedule(Math.round(rest * 0.05), 'update');
  schedule(Math.round(rest * 0.02), 'update-profile');
  schedule(Math.round(rest * 0.004), 'reset-password');
  const scheduled = [...mutations.values()].reduce((s, m) => s + m.length, 0);
  const logins = Math.max(0, budget - people.length - scheduled);

  const weights = people.map(() => Math.pow(rng.next(), 2) + 0.05);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  people.forEach((p, i) => {
    const state: UserState = {
      version: 1,
      updatedAt: p.createdAt,
      lastLoginAt: null,
      title: p.title,
      phone: p.phone,
      email: `${p.username}@corp.yunying.cn`,
      locale: null,
      active: true,
      mustChangePassword: false,
    };
    states.set(p.id, state);
    const creator = p.id === 1 || editors.length === 0 ? null : rng.chance(0.7) ? people[0]! : rng.pick(editors);
    if (p.id === 1) audit.push({ at: p.createdAt, actor: null, ip: null, action: 'create', entity: 'user', entityId: 1, after: { username: 'admin', role: 'admin' } });
    else audit.push({ at: p.createdAt, actor: creator ? actorOf(creator) : null, ip: creator ? ipOf(creator) : null, action: 'create', entity: 'user', entityId: p.id, after: dto(p, state, names) });

    const myLogins: number[] = [];
    const n = Math.round((logins * weights[i]!) / weightSum);
    for (let k = 0; k < n; k++) myLogins.push(rng.between(new Date(Date.parse(p.createdAt) + 60_000), new Date(end(p) - 60_000)).getTime());
    myLogins.sort((a, b) => a - b);
    for (const at of myLogins) audit.push({ at: iso(at), actor: actorOf(p), ip: ipOf(p), action: 'login', entity: 'user', entityId: p.id });
    const lastLoginBefore = (t: number) => {
      let last: number | null = null;
      for (const at of myLogins) if (at < t) last = at;
      return last === null ? null : iso(last);
    };

    for (const m of mutations.get(p.id)!.sort((a, b) => a.at - b.at)) {
      state.lastLoginAt = lastLoginBefore(m.at);
      const before = dto(p, state, names);
      const editor = editors.length ? rng.pick(editors) : people[0]!;
      const self = m.kind === 'update-profile' || m.kind === 'change-password';
      const actor = self ? p : editor;
      if (m.kind === 'update') {
        if (rng.chance(0.5)) state.phone = mobile(rng);
        else state.title = state.title.startsWith('高级') ? state.title : `高级${state.title}`;
      }
      if (m.kind === 'update-profile') state.locale = rng.weighted([['zh-CN', 8], ['zh-TW', 1], ['en-US', 1]] as const);
      if (m.kind === 'deactivate') state.active = false;
      state.mustChangePassword = m.kind === 'reset-password';
      state.version++;
      state.updatedAt = iso(m.at);
      const after = dto(p, state, names);
      const entry: AuditEvent = { at: iso(m.at), actor: actorOf(actor), ip: ipOf(actor), action: m.kind, entity: 'user', entityId: p.id };
      if (m.kind === 'update' || m.kind === 'deactivate') Object.assign(entry, { before, after });
      if (m.kind === 'update-profile') {
        const pick = (x: typeof before) => ({ name: x.name, email: x.email, phone: x.phone, locale: x.locale });
        Object.assign(entry, { before: pick(before), after: pick(after) });
      }
      audit.push(entry);
    }
    state.lastLoginAt = lastLoginBefore(now.getTime());
  });
  return states;
}
