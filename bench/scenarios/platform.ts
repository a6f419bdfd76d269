import { sql } from 'kysely';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fetchCounted } from '../lib/fetch.js';
import { deepPage, type BenchEnv, type ModuleBench, type SpecialContext, type SpecialResult } from './types.js';

/** The manager's inbox is the largest: the manager approves most submissions. */
async function managerInbox(env: BenchEnv): Promise<number> {
  const manager = await env.db.selectFrom('users').select('id').where('role', '=', 'manager').where('active', '=', 1).orderBy('id').limit(1).executeTakeFirstOrThrow();
  return Number((await env.db.selectFrom('notifications').select(sql<number>`count(*)`.as('n')).where('user_id', '=', manager.id).executeTakeFirstOrThrow()).n);
}

/** The JS and CSS the built index.html loads up front (scripts, stylesheets, module preloads). */
export function assetsOf(html: string): string[] {
  const out = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (url && /\.(js|mjs|css)(\?|$)/.test(url) && !/^https?:/.test(url)) out.add(url.startsWith('/') ? url : `/${url}`);
  }
  return [...out];
}

/**
 * docs/design.md §10's first page load: `/` and every JS/CSS file index.html references, gzip accepted,
 * on fresh connections (six at a time, as a browser opens them); bytes as sent (compressed).
 */
async function firstPageLoad(ctx: SpecialContext): Promise<SpecialResult> {
  const headers = { 'accept-encoding': 'gzip', accept: 'text/html,*/*' };
  const ms: number[] = [];
  let bytes = 0;
  let files = 0;
  for (let i = 0; i < (ctx.quick ? 3 : 10) + 1; i++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
    const t = performance.now();
    const page = await fetchCounted(ctx.port, '/', headers, { keep: true, agent });
    const html = page.body!.toString('utf8');
    if (page.status !== 200 || !html.includes('<html')) {
      agent.destroy();
      return { ms: [], note: 'skipped: the web assets are not built (dist/web)' };
    }
    // index.html is sent uncompressed only when small; anything compressed would not parse here.
    const assets = assetsOf(html);
    const got = await Promise.all(assets.map((a) => fetchCounted(ctx.port, a, headers, { agent })));
    const elapsed = performance.now() - t;
    agent.destroy();
    const bad = got.find((g) => g.status !== 200);
    if (bad) throw new Error(`asset answered ${bad.status}`);
    if (i === 0) continue;
    ms.push(elapsed);
    bytes = page.bytes + got.reduce((s, g) => s + g.bytes, 0);
    files = 1 + assets.length;
  }
  return { ms, bytes, note: `${files} files, gzip` };
}

async function buildWeb(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  const { ensureBuilt } = (await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href)) as { ensureBuilt: (names: string[], o?: { quiet?: boolean }) => Promise<void> };
  try {
    await ensureBuilt(['web'], { quiet: true });
  } catch (err) {
    // A broken web build must not stop the server measurements; the first page load then reports itself skipped.
    process.stderr.write(`  web build failed: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}

export const platformBench: ModuleBench = {
  module: 'platform',
  lists: [
    { name: 'settings (all, values in force)', route: '/api/settings', as: 'manager', query: async () => ({}) },
    { name: 'notifications: my inbox, p1', route: '/api/notifications', as: 'manager', query: async () => ({ page: '1', pageSize: '20' }) },
    {
      name: 'notifications: my inbox, deep page',
      route: '/api/notifications',
      as: 'manager',
      query: async (env) => ({ page: String(deepPage(await managerInbox(env), 20)), pageSize: '20' }),
    },
    { name: 'approvals: awaiting me, p1', route: '/api/approvals', as: 'manager', query: async () => ({ mine: 'pending', page: '1', pageSize: '20' }) },
    { name: 'approvals: copied to me, p1', route: '/api/approvals', as: 'hr', query: async () => ({ mine: 'cc', page: '1', pageSize: '20' }) },
  ],
  records: [],
  writes: [],
  special: [{ name: 'first page load: / + JS/CSS of index.html (gzip, loopback)', target: '< 1000 (login page renders < 1 s)', limitMs: 1000, prepare: buildWeb, run: firstPageLoad }],
  load: async () => [
    { name: 'unread count', kind: 'read', weight: 1, build: () => ({ method: 'GET', path: '/api/notifications/unread-count' }) },
    { name: 'my inbox', kind: 'read', weight: 1, build: () => ({ method: 'GET', path: '/api/notifications?page=1&pageSize=20' }) },
  ],
  exempt: [{ route: '/api/policies', reason: 'the older name of /api/settings (same handler), measured there' }],
};
