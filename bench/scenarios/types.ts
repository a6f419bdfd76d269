import type { Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import type { Engine } from '../../apps/server/src/platform/db/database.js';
import type { Role } from '../../packages/domain/src/shared/roles.js';
import type { Deps, RequestMeta } from '../../apps/server/src/platform/context.js';
import type { Random } from '../lib/random.js';
import type { HttpClient, Session } from '../lib/http.js';
import type { Size } from '../lib/target.js';

export type BenchEnv = {
  /** A direct connection to the database the server uses (read-only on SQLite). */
  db: Kysely<DB>;
  engine: Engine;
  size: Size;
  /** Unique per run: names of records the bench creates carry it. */
  runId: string;
  /** Users whose sessions the runner holds: writes must leave them alone. */
  sessionUserIds: ReadonlySet<number>;
};

/** Who the bare query runs for (lists scoped to the signed-in user need it), and the server's dependencies. */
export type SqlContext = { meta: RequestMeta; deps: Deps };

export type Request = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string; body?: unknown };
export type Query = Record<string, string>;

/** A list request (filtered, sorted, paged) timed through the API and as the bare SQL it runs. */
export type ListScenario = {
  name: string;
  /** The ALL_ROUTES url it covers, e.g. '/api/users' or '/api/projects/:id/expenses'. */
  route: string;
  as: Role;
  query: (env: BenchEnv) => Promise<Query>;
  /** Values for the route's path parameters; null when the dataset has no such record (the scenario is then skipped, and says so). */
  params?: (env: BenchEnv) => Promise<Record<string, string> | null>;
  /**
   * The bare SQL to time. By default the runner calls the route's own handler in-process on a
   * direct connection and records the statements it issues; override only when that cannot work.
   */
  sql?: (db: Kysely<DB>, query: Query, as: SqlContext) => Promise<unknown>;
};

export type RecordScenario = { name: string; route: string; as: Role; path: (env: BenchEnv) => Promise<string> };

/** A write timed one request at a time; `next` runs untimed before each and answers the request. */
export type WriteScenario = { name: string; route: string; as: Role; expect: number; next: (env: BenchEnv, i: number) => Promise<Request> };

/** docs/design.md §10's peer scenario: a filtered sorted list with its total, and a record by id, under 10 connections. */
export type PeerScenario = { name: string; as: Role; list: (env: BenchEnv) => Promise<string>; record: (env: BenchEnv) => Promise<string> };

export type LoadUser = { userId: number; role: string; departmentId: number | null };

/** One kind of request of the mixed load; the runner keeps reads at 80% and writes at 20%. */
export type LoadRequest = { name: string; kind: 'read' | 'write'; weight: number; build: (user: LoadUser, rng: Random) => Request };

/** What a special measurement may use: the server's port and pid (for RSS), a signed-in session per role. */
export type SpecialContext = { http: HttpClient; port: number; pid: number; env: BenchEnv; quick: boolean; session: (role: Role) => Session };

/** Timings of each run (ms); optionally the server's peak RSS meanwhile, rows handled, bytes moved, a remark. */
export type SpecialResult = { ms: number[]; peakRssMb?: number; rows?: number; bytes?: number; note?: string };

/**
 * A measurement of docs/design.md §10 that is neither a list, a record nor a write (opening a cycle, a
 * report, a streamed export, the first page load). `limitMs` applies to the median run, `limitRssMb`
 * to the peak RSS; `prepare` runs before the server starts (e.g. building what it serves).
 */
export type SpecialScenario = {
  name: string;
  target: string;
  as?: Role;
  limitMs?: number;
  limitRssMb?: number;
  prepare?: () => Promise<void>;
  run: (ctx: SpecialContext) => Promise<SpecialResult>;
};

/** What one module adds to the bench: one file in bench/scenarios, one line in index.ts. */
export type ModuleBench = {
  module: string;
  lists: ListScenario[];
  records: RecordScenario[];
  writes: WriteScenario[];
  peer?: PeerScenario;
  load?: (env: BenchEnv) => Promise<LoadRequest[]>;
  special?: SpecialScenario[];
  /** GET list routes deliberately left out, each with the reason. */
  exempt?: { route: string; reason: string }[];
};

export function toPath(base: string, query: Query): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${base}?${qs}` : base;
}

/** A page near the end (90% in) of a filtered list. */
export function deepPage(total: number, pageSize: number): number {
  return Math.max(1, Math.floor(Math.ceil(total / pageSize) * 0.9));
}
