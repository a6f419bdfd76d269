// npm run restore -- <file>: replaces the database with a backup. The server must be stopped (SQLite).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../apps/server/src/config.js';
import { isPostgresUrl } from '../apps/server/src/platform/db/database.js';
import { acquireInstanceLock } from '../apps/server/src/platform/db/instance-lock.js';

const source = process.argv[2];
if (!source || !fs.existsSync(source)) {
  console.error('usage: npm run restore -- <existing backup file>');
  process.exit(2);
}
const config = loadConfig();
const file = path.resolve(source);

if (isPostgresUrl(config.databaseUrl)) {
  const r = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, file], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
} else {
  const check = new SQLite(file, { readonly: true, fileMustExist: true });
  const result = check.pragma('integrity_check', { simple: true });
  check.close();
  if (result !== 'ok') {
    console.error(`backup failed its integrity check: ${String(result)}`);
    process.exit(1);
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const dbFile = path.join(config.dataDir, 'yunying.db');
  let release: () => void;
  try {
    release = acquireInstanceLock(dbFile);
  } catch (err) {
    console.error((err as Error).message.replace('Another Yunying instance', 'A running Yunying instance') + ' Stop it before restoring.');
    process.exit(1);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  fs.copyFileSync(file, dbFile);
  release();
}
if (fs.existsSync(`${file}.files`)) {
  const filesDir = path.join(config.dataDir, 'files');
  fs.rmSync(filesDir, { recursive: true, force: true });
  fs.cpSync(`${file}.files`, filesDir, { recursive: true });
}
console.log(`restored from ${file}`);
