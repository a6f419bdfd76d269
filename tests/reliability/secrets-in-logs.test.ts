import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '@support/server-process.js';

const ADMIN_PASSWORD = 'Log-Check#2026';

async function call(server: ServerProcess, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any>, cookie: res.headers.get('set-cookie') };
}

describe('secrets never reach the server log (real process, most verbose log level)', () => {
  let server: ServerProcess;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yy-logs-'));
    server = await startServer({ env: { YUNYING_DATA_DIR: dir, YUNYING_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'trace' } });
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('logs requests, but no password, hash, session, CSRF token or API token', async () => {
    const wrong = await call(server, 'POST', '/api/auth/login', { username: 'admin', password: 'Wrong-Secret#77' });
    expect(wrong.status).toBe(401);
    const login = await call(server, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    const session = login.cookie!.split(';')[0]!;
    const csrf = login.body.csrfToken as string;
    const auth = { cookie: session, 'x-csrf-token': csrf };
    const me = await call(server, 'GET', '/api/auth/me', undefined, { cookie: session });
    const token = await call(server, 'POST', '/api/api-tokens', { name: 'log-check', userId: me.body.user.id }, auth);
    expect(token.status).toBe(201);
    const bearer = { authorization: `Bearer ${token.body.token}` };
    const user = await call(server, 'POST', '/api/users', { username: 'logcheck', name: '日志检查', role: 'pm', password: 'New-User#4242' }, bearer);
    expect(user.status).toBe(201);
    const reset = await call(server, 'POST', `/api/users/${user.body.id}/actions/reset-password`, { version: user.body.version }, bearer);
    const changed = await call(server, 'POST', '/api/auth/change-password', { currentPassword: ADMIN_PASSWORD, newPassword: 'Changed-Admin#99' }, auth);
    expect(changed.status).toBe(200);
    await server.stop();

    const log = server.output();
    expect(log).toMatch(/incoming request|request completed/);
    const secrets = [ADMIN_PASSWORD, 'Wrong-Secret#77', 'New-User#4242', 'Changed-Admin#99', reset.body.temporaryPassword, session.split('=')[1], csrf, token.body.token, '$argon2'];
    for (const secret of secrets.filter(Boolean)) expect(log, `log must not contain ${String(secret).slice(0, 6)}…`).not.toContain(secret);
  });
});
