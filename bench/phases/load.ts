import autocannon, { type Request as AcRequest, type Result as AcResult } from 'autocannon';
import type { Session } from '../lib/http.js';
import { sessionHeaders } from '../lib/http.js';
import { Random } from '../lib/random.js';
import { sampleRss } from '../lib/rss.js';
import type { BenchEnv, LoadRequest, LoadUser, ModuleBench, Request } from '../scenarios/types.js';

export type LoadResult = {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  peakRssMb: number;
};

function summarize(name: string, connections: number, r: AcResult, peakRssMb: number): LoadResult {
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
  return { name, connections, seconds: r.duration, requests: r.requests.total, rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, statusCodes, peakRssMb };
}

/** docs/design.md §10's peer scenario: one GET under 10 connections for `seconds`. */
export async function peerRun(port: number, pid: number, name: string, path: string, session: Session, seconds: number): Promise<LoadResult> {
  const rss = sampleRss(pid);
  const r = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 10, duration: seconds, headers: sessionHeaders(session) });
  return summarize(name, 10, r, rss.stop());
}

/** The latest version each answer gave, per server and record path: a write with a `version` sends the one known last. */
const versions = new Map<string, number>();

function toAc(port: number, req: Request, session: Session, onResponse: (status: number) => void): AcRequest {
  const write = req.method !== 'GET';
  const headers = { ...sessionHeaders(session, write), ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) };
  const base = { method: req.method, path: req.path, headers, ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}) };
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || typeof body.version !== 'number') return { ...base, onResponse: (status) => onResponse(status) };
  // Optimistic locking: the same request repeats every cycle, so it carries the version the record has now.
  // Per server: each engine's run starts from its own dataset's versions.
  const key = `${port} ${req.method} ${req.path}`;
  if (!versions.has(key) || versions.get(key)! < body.version) versions.set(key, body.version);
  return {
    ...base,
    setupRequest: (r) => ({ ...r, body: JSON.stringify({ ...body, version: versions.get(key) }) }),
    onResponse: (status, text) => {
      onResponse(status);
      if (status < 200 || status >= 300) return;
      try {
        const v = (JSON.parse(text) as { version?: unknown }).version;
        if (typeof v === 'number' && v > (versions.get(key) ?? 0)) versions.set(key, v);
      } catch {
        /* not JSON: keep the version known */
      }
    },
  };
}

/** A cycle of 10 requests per user: 8 reads and 2 writes, drawn by weight, in shuffled order. */
function cycle(rng: Random, reads: LoadRequest[], writes: LoadRequest[]): LoadRequest[] {
  const draw = (from: LoadRequest[]) => rng.weighted(from.map((r) => [r, r.weight] as const));
  const list = [...Array.from({ length: 8 }, () => draw(reads)), ...Array.from({ length: 2 }, () => draw(writes))];
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

export type MixedCounts = { reads: number; readsNon2xx: number; writes: number; writesNon2xx: number };

/** Per kind of request of the mixed load: how many, their status codes and latency (what a slow run is made of). */
export type PerRequest = { name: string; count: number; statusCodes: Record<string, number>; p50: number; p99: number; max: number };

class PerRequestStats {
  private readonly by = new Map<string, { codes: Record<string, number>; ms: number[] }>();
  record(name: string, status: number, ms: number): void {
    const e = this.by.get(name) ?? { codes: {}, ms: [] };
    e.codes[status] = (e.codes[status] ?? 0) + 1;
    e.ms.push(ms);
    this.by.set(name, e);
  }
  summary(): PerRequest[] {
    return [...this.by].map(([name, e]) => {
      const ms = [...e.ms].sort((a, b) => a - b);
      const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]! * 10) / 10;
      return { name, count: ms.length, statusCodes: e.codes, p50: at(0.5), p99: at(0.99), max: at(1) };
    }).sort((a, b) => b.p50 * b.count - a.p50 * a.count);
  }
}

/** Times each request of one client (a client sends one request at a time). */
function timed(req: AcRequest, onDone: (status: number, ms: number) => void): AcRequest {
  let started = 0;
  const setup = req.setupRequest;
  const done = req.onResponse;
  return {
    ...req,
    setupRequest: (r, context) => {
      started = performance.now();
      return setup ? setup(r, context) : r;
    },
    onResponse: (status, body, context) => {
      onDone(status, performance.now() - started);
      done?.(status, body, context);
    },
  };
}

/** The mixed load: one connection per signed-in user, each cycling its own reads and writes. */
export async function mixedRun(port: number, pid: number, env: BenchEnv, modules: readonly ModuleBench[], users: { session: Session; user: LoadUser }[], seconds: number, rate?: number) {
  const requests = (await Promise.all(modules.map((m) => m.load?.(env) ?? Promise.resolve([])))).flat();
  const reads = requests.filter((r) => r.kind === 'read');
  const writes = requests.filter((r) => r.kind === 'write');
  if (reads.length === 0 || writes.length === 0) throw new Error('the mixed load needs at least one read and one write request');
  const counts: MixedCounts = { reads: 0, readsNon2xx: 0, writes: 0, writesNon2xx: 0 };
  const per = new PerRequestStats();
  const rng = new Random(7);
  let next = 0;
  const rss = sampleRss(pid);
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: users.length,
    duration: seconds,
    // 300 signed-in users do not fire back to back: paced at `rate` req/s overall, latency is that of
    // the offered load; without a rate the run measures saturation (latency = queueing).
    ...(rate ? { overallRate: rate } : {}),
    setupClient: (client) => {
      const { session, user } = users[next++ % users.length]!;
      const list = cycle(rng, reads, writes).map((lr) =>
        timed(toAc(port, lr.build(user, rng), session, (status) => {
          const failed = status < 200 || status >= 300 ? 1 : 0;
          if (lr.kind === 'read') {
            counts.reads++;
            counts.readsNon2xx += failed;
          } else {
            counts.writes++;
            counts.writesNon2xx += failed;
          }
        }), (status, ms) => per.record(lr.name, status, ms)),
      );
      client.setRequests(list);
    },
  });
  return { ...summarize('mixed 80% reads / 20% writes', users.length, r, rss.stop()), counts, offeredRate: rate ?? null, perRequest: per.summary() };
}
