import v8 from 'node:v8';
import vm from 'node:vm';
import type { Random } from '../lib/random.js';
import type { DatasetContext } from './types.js';

export const DAY = 24 * 3600_000;
export const HOUR = 3600_000;
export const iso = (t: number): string => new Date(t).toISOString();
export const dateOf = (t: number): string => new Date(t).toISOString().slice(0, 10);

export type User = { id: number; name: string; role: string; departmentId: number | null; createdAt: number; areas: string[] };

/** The people earlier parts inserted, grouped the way the sales and delivery parts pick them. */
export type People = {
  all: User[];
  byId: Map<number, User>;
  managers: User[];
  leaders: User[];
  marketing: User[];
  finance: User[];
  /** Active pm and specialists of business departments. */
  business: User[];
  /** Business users by business area (region); every region with at least one. */
  byRegion: Map<string, User[]>;
  /** Business users by department. */
  byDepartment: Map<number, User[]>;
  regions: string[];
};

export async function loadPeople(ctx: DatasetContext): Promise<People> {
  const rows = await ctx.db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select(['u.id', 'u.name', 'u.role', 'u.department_id', 'u.created_at', 'u.business_areas', 'd.kind'])
    .where('u.active', '=', 1)
    .orderBy('u.id')
    .execute();
  const all: User[] = rows.map((r) => ({ id: r.id, name: r.name, role: r.role, departmentId: r.department_id, createdAt: Date.parse(r.created_at), areas: JSON.parse(r.business_areas || '[]') as string[] }));
  const of = (...roles: string[]) => all.filter((u) => roles.includes(u.role));
  const kinds = new Map(rows.map((r) => [r.id, r.kind]));
  const business = all.filter((u) => (u.role === 'pm' || u.role === 'specialist') && kinds.get(u.id) === 'business');
  if (business.length === 0) throw new Error('the dataset has no pm or specialist in a business department');
  const byRegion = new Map<string, User[]>();
  const byDepartment = new Map<number, User[]>();
  for (const u of business) {
    for (const a of u.areas) byRegion.set(a, [...(byRegion.get(a) ?? []), u]);
    if (u.departmentId !== null) byDepartment.set(u.departmentId, [...(byDepartment.get(u.departmentId) ?? []), u]);
  }
  return {
    all,
    byId: new Map(all.map((u) => [u.id, u])),
    managers: of('manager'),
    leaders: of('leader'),
    marketing: of('marketing'),
    finance: of('finance'),
    business,
    byRegion,
    byDepartment,
    regions: [...byRegion.keys()],
  };
}

/** Someone from `list` who already had an account at `t` (the earliest one otherwise). */
export function pickAt(rng: Random, list: readonly User[], t: number): User {
  for (let i = 0; i < 8; i++) {
    const u = rng.pick(list);
    if (u.createdAt <= t) return u;
  }
  return list.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
}

export const actor = (u: User) => ({ id: u.id, name: u.name });

/** A random time span in ms between `min` and `max` days, skewed short. */
export function span(rng: Random, minDays: number, maxDays: number, power = 1.6): number {
  return (minDays + Math.pow(rng.next(), power) * (maxDays - minDays)) * DAY;
}

/** Counter rows the server's `nextCode`/`nextCounter` continue from: the largest sequence per name. */
export function counterRows(seqs: Map<string, number>) {
  return [...seqs.entries()].map(([name, value]) => ({ name, value }));
}

/** Sequential codes per year, like the server's counters: `${prefix}${year}-${seq}`. */
export class Codes {
  readonly seqs = new Map<string, number>();
  next(counter: string, t: number): { year: number; seq: number } {
    const year = new Date(t).getUTCFullYear();
    const key = `${counter}-${year}`;
    const seq = (this.seqs.get(key) ?? 0) + 1;
    this.seqs.set(key, seq);
    return { year, seq };
  }
  code(prefix: string, t: number, width: number): string {
    const { year, seq } = this.next(prefix, t);
    return `${prefix}${year}-${String(seq).padStart(width, '0')}`;
  }
}

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection between big batches. V8 lets the heap grow towards its limit (4 GB on
 * a large machine) before collecting, so at L the generator's resident size would follow the
 * garbage rather than what is live; collecting after each inserted batch keeps it bounded.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
