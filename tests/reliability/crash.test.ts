import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '@support/server-process.js';

const ADMIN_PASSWORD = 'Crash#2026';
const WRITERS = 12;
const ACKS_PER_ROUND = 150;

type Acked = { id: number; code: string; version: number };

async function adminToken(server: ServerProcess): Promise<string> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  const { user, csrfToken } = (await login.json()) as { user: { id: number }; csrfToken: string };
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const res = await fetch(`${server.url}/api/api-tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'crash', userId: user.id }) });
  return ((await res.json()) as { token: string }).token;
}

/** One writer: creates a department, edits it, creates the next…; records every 2xx it got. */
async function writer(server: ServerProcess, token: string, tag: string, acked: Map<string, Acked>, stop: () => boolean): Promise<void> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  let current: Acked | null = null;
  for (let i = 0; !stop(); i++) {
    try {
      if (!current || i % 3 === 0) {
        const code = `${tag}-${i}`;
        const res = await fetch(`${server.url}/api/departments`, { method: 'POST', headers, body: JSON.stringify({ name: `崩溃测试 ${code}`, code }) });
        if (res.status !== 201) throw new Error(`create answered ${res.status}`);
        const body = (await res.json()) as { id: number; version: number };
        current = { id: body.id, code, version: body.version };
      } else {
        const edited: Acked = current;
        const res: Response = await fetch(`${server.url}/api/departments/${edited.id}`, { method: 'PATCH', headers, body: JSON.stringify({ version: edited.version, description: `第 ${i} 次修改` }) });
        if (res.status !== 200) throw new Error(`edit answered ${res.status}`);
        current = { ...edited, version: ((await res.json()) as { version: number }).version };
      }
      acked.set(current.code, current);
    } catch (err) {
      if (stop()) return; // the server was killed under this request: not acknowledged
      throw err;
    }
  }
}

describe('crash safety: SIGKILL under write load (SQLite, real server process)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yy-crash-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Four server starts: 10–15 s on an idle machine; the limits leave room for a very busy one.
  it('loses no acknowledged write and passes integrity_check, three kills in a row', { timeout: 240_000 }, async () => {
    const env = { YUNYING_DATA_DIR: dir, YUNYING_ADMIN_PASSWORD: ADMIN_PASSWORD };
    const acked = new Map<string, Acked>();
    server = await startServer({ env, timeoutMs: 60_000 });
    for (let round = 0; round < 3; round++) {
      const token = await adminToken(server);
      const target = acked.size + ACKS_PER_ROUND;
      let killed = false;
      const s = server;
      let failure: unknown = null;
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(s, token, `R${round}W${w}`, acked, () => killed).catch((err: unknown) => void (failure ??= err)));
      while (acked.size < target) {
        if (failure) throw failure;
        await new Promise((r) => setTimeout(r, 2));
      }
      killed = true;
      s.child.kill('SIGKILL');
      expect((await s.exited).signal).toBe('SIGKILL');
      await Promise.all(writers);

      server = await startServer({ env, timeoutMs: 60_000 });
      const token2 = await adminToken(server);
      const missing: string[] = [];
      for (const a of acked.values()) {
        const res = await fetch(`${server.url}/api/departments/${a.id}`, { headers: { authorization: `Bearer ${token2}` } });
        const body = (await res.json()) as { code?: string; version?: number };
        if (res.status !== 200 || body.code !== a.code || (body.version ?? 0) < a.version) missing.push(`${a.code}@v${a.version}: ${res.status} ${JSON.stringify(body)}`);
      }
      expect(missing).toEqual([]);
      const verify = await fetch(`${server.url}/api/audit-log/verify`, { headers: { authorization: `Bearer ${token2}` } });
      expect(await verify.json()).toMatchObject({ ok: true });
      const file = new SQLite(path.join(dir, 'yunying.db'), { readonly: true });
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      file.close();
    }
  });
});
