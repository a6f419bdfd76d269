import { prepareDatabase } from '../apps/server/src/bootstrap.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../apps/server/src/platform/db/database.js';
import { seedDemo } from '../apps/server/src/demo.js';

const tsx = path.resolve('node_modules/.bin/tsx');

describe('backup and restore (SQLite) and the audit verify command', () => {
  it('backs up, restores after a change, and verifies the chain', { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yy-backup-'));
    const env = { ...process.env, YUNYING_DATA_DIR: dir, DATABASE_URL: '' };
    const database = openSqlite(path.join(dir, 'yunying.db'));
    await prepareDatabase(database);
    await seedDemo(database);
    await database.close();

    const backup = path.join(dir, 'backups', 'b1.db');
    execFileSync(tsx, ['scripts/backup.ts', backup], { env, stdio: 'pipe' });
    expect(fs.existsSync(backup)).toBe(true);

    const live = new SQLite(path.join(dir, 'yunying.db'));
    live.prepare("update users set name = '被改了' where username = 'manager'").run();
    live.close();

    const verifyOk = spawnSync(tsx, ['scripts/audit-verify.ts'], { env, encoding: 'utf8' });
    expect(verifyOk.status).toBe(0);

    execFileSync(tsx, ['scripts/restore.ts', backup], { env, stdio: 'pipe' });
    const restored = new SQLite(path.join(dir, 'yunying.db'), { readonly: true });
    expect((restored.prepare("select name from users where username = 'manager'").get() as { name: string }).name).toBe('李明');
    restored.close();

    const tamper = new SQLite(path.join(dir, 'yunying.db'));
    tamper.prepare("update audit_log set after_json = '{}' where id = 1").run();
    tamper.close();
    const verifyBad = spawnSync(tsx, ['scripts/audit-verify.ts'], { env, encoding: 'utf8' });
    expect(verifyBad.status).toBe(1);
    expect(verifyBad.stderr).toContain('#1');
  });
});
