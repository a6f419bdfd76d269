import type { Role } from '../../packages/domain/src/shared/roles.js';
import type { Random } from '../lib/random.js';
import { mobile, personName } from '../lib/chinese.js';
import { TITLES, type DepartmentTemplate } from './org-template.js';

/** A generated employee as it will be stored at the end (activity moves version and stamps). */
export type Person = {
  id: number;
  username: string;
  name: string;
  role: Role;
  title: string;
  dept: string | null;
  supervisorId: number | null;
  areas: string[];
  customerFacing: boolean;
  hireDate: string;
  createdAt: string;
  phone: string | null;
  /** When the employee left (deactivated), if they did. */
  leftAt: string | null;
};

const DAY = 24 * 3600_000;

type Planner = { rng: Random; now: Date; goLive: Date; people: Person[]; usernames: Set<string> };

function add(p: Planner, role: Role, dept: string | null, supervisorId: number | null, extra: Partial<Person> = {}): Person {
  const { rng, now, goLive } = p;
  const n = personName(rng);
  let username = n.pinyin;
  for (let i = 2; p.usernames.has(username) || username.length < 3; i++) username = `${n.pinyin}${i}`;
  p.usernames.add(username);
  const senior = role === 'leader' || role === 'manager' || role === 'deputy';
  const yearsAgo = senior ? 3 + rng.next() * 10 : 0.02 + Math.pow(rng.next(), 1.7) * 12;
  const hire = new Date(now.getTime() - yearsAgo * 365 * DAY);
  hire.setUTCHours(1, 0, 0, 0);
  const created = hire < goLive ? new Date(goLive.getTime() + DAY + p.people.length * 7000) : new Date(Math.min(hire.getTime() + rng.int(0, 8 * 3600) * 1000, now.getTime() - 2 * DAY));
  const person: Person = {
    id: p.people.length + 1,
    username,
    name: n.name,
    role,
    title: rng.pick(TITLES[role]),
    dept,
    supervisorId,
    areas: [],
    customerFacing: ['manager', 'deputy', 'pm'].includes(role) || (role === 'specialist' && rng.chance(0.9)),
    hireDate: hire.toISOString().slice(0, 10),
    createdAt: created.toISOString(),
    phone: rng.chance(0.85) ? mobile(rng) : null,
    leftAt: null,
    ...extra,
  };
  p.people.push(person);
  return person;
}

function spread(rng: Random, n: number, buckets: number): number[] {
  const counts = new Array<number>(buckets).fill(0);
  for (let i = 0; i < n; i++) counts[rng.skewedIndex(buckets, 1.4)]!++;
  return counts;
}

/** Plans `total` employees over the departments with the usual shape of such a company. */
export function planPeople(rng: Random, depts: readonly DepartmentTemplate[], total: number, now: Date, goLive: Date): Person[] {
  const p: Planner = { rng, now, goLive, people: [], usernames: new Set(['admin']) };
  const has = (code: string) => depts.some((d) => d.code === code);
  add(p, 'admin', has('IT') ? 'IT' : null, null, { username: 'admin', name: '系统管理员', title: '系统管理员', createdAt: new Date(goLive.getTime()).toISOString(), customerFacing: false });
  const gm = add(p, 'leader', 'LEAD', null, { title: '总经理' });
  for (let i = 1; i < Math.max(1, Math.round(total * 0.005)); i++) add(p, 'leader', 'LEAD', gm.id);
  const manager = add(p, 'manager', 'BIZ', gm.id);

  const groups = depts.filter((d) => d.parent === 'BIZ');
  const deputyOf = new Map<string, Person>();
  for (let i = 0; i < groups.length; i += 2) {
    const covered = groups.slice(i, i + 2);
    const deputy = add(p, 'deputy', 'BIZ', manager.id, { areas: covered.map((g) => g.region!) });
    for (const g of covered) deputyOf.set(g.code, deputy);
  }
  const units = depts.filter((d) => d.kind === 'business' && d.region && !depts.some((c) => c.parent === d.code));
  const topOf = (d: DepartmentTemplate) => (d.parent === 'BIZ' ? d.code : d.parent!);

  const support: [Role, string, number][] = [
    ['hr', 'HR', 0.03],
    ['finance', 'FIN', 0.03],
    ['marketing', 'MKT', 0.06],
    ...(['ADM', 'IT', 'LEGAL'] as const).filter(has).map((code): [Role, string, number] => ['marketing', code, 0.017]),
  ];
  const supportCount = support.reduce((s, [, , share]) => s + Math.max(1, Math.round(total * share)), 0);
  const extraAdmins = has('IT') ? Math.round(total * 0.002) : 0;
  const pmCount = Math.max(units.length, Math.round(total * 0.1));
  const specialists = total - p.people.length - supportCount - extraAdmins - pmCount;
  if (specialists < units.length) throw new Error(`size too small for the department tree (${total} employees)`);

  const pmsByUnit = new Map<string, Person[]>();
  const extraPms = spread(rng, pmCount - units.length, units.length);
  units.forEach((unit, i) => {
    const deputy = deputyOf.get(topOf(unit))!;
    const list: Person[] = [];
    for (let k = 0; k < 1 + extraPms[i]!; k++) list.push(add(p, 'pm', unit.code, deputy.id, { areas: [unit.region!] }));
    pmsByUnit.set(unit.code, list);
  });
  const perUnit = spread(rng, specialists, units.length);
  units.forEach((unit, i) => {
    const pms = pmsByUnit.get(unit.code)!;
    for (let k = 0; k < perUnit[i]!; k++) add(p, 'specialist', unit.code, rng.pick(pms).id, { areas: [unit.region!] });
  });

  for (const [role, code, share] of support) {
    const teams = [code, ...depts.filter((d) => d.parent === code).map((d) => d.code)];
    const head = add(p, role, code, gm.id, { title: `${depts.find((d) => d.code === code)!.name}经理` });
    for (let k = 1; k < Math.max(1, Math.round(total * share)); k++) add(p, role, rng.pick(teams), head.id);
  }
  for (let k = 0; k < extraAdmins; k++) add(p, 'admin', 'IT', null, { customerFacing: false });

  // A few percent of the staff have left the company (deactivated).
  for (const person of p.people) {
    if (!['specialist', 'pm', 'marketing'].includes(person.role) || !rng.chance(0.04)) continue;
    if (depts.some((d) => d.code === person.dept) && pmsByUnit.get(person.dept ?? '')?.[0] === person) continue;
    const from = Math.max(Date.parse(person.createdAt) + 30 * DAY, now.getTime() - 600 * DAY);
    if (from < now.getTime() - DAY) person.leftAt = rng.between(new Date(from), new Date(now.getTime() - DAY)).toISOString();
  }
  return p.people;
}

/** Who manages each department: the general manager, the business manager, deputies, first PMs, heads. */
export function departmentManagers(depts: readonly DepartmentTemplate[], people: readonly Person[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const d of depts) {
    const inDept = people.filter((x) => x.dept === d.code && !x.leftAt);
    const rank: Role[] = d.code === 'LEAD' ? ['leader'] : d.code === 'BIZ' ? ['manager'] : ['deputy', 'pm', 'hr', 'finance', 'marketing'];
    let chosen: Person | undefined;
    for (const role of rank) chosen ??= inDept.find((x) => x.role === role);
    if (!chosen && d.parent === 'BIZ') chosen = people.find((x) => x.role === 'deputy' && d.region && x.areas.includes(d.region));
    out.set(d.code, chosen?.id ?? null);
  }
  return out;
}
