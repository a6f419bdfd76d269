// npm run backup -- <file>: an online backup of the database (and the uploaded files beside it).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../apps/server/src/config.js';
import { isPostgresUrl } from '../apps/server/src/platform/db/database.js';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run backup -- <file>');
  process.exit(2);
}
const config = loadConfig();
const file = path.resolve(target);
fs.mkdirSync(path.dirname(file), { recursive: true });

if (isPostgresUrl(config.databaseUrl)) {
  const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, config.databaseUrl], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
} else {
  const dbFile = path.join(config.dataDir, 'yunying.db');
  if (!fs.existsSync(dbFile)) {
    console.error(`no database at ${dbFile}`);
    process.exit(1);
  }
  // The SQLite online backup API copies a consistent snapshot while the server keeps running.
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  await db.backup(file);
  db.close();
}
const filesDir = path.join(config.dataDir, 'files');
if (fs.existsSync(filesDir)) fs.cpSync(filesDir, `${file}.files`, { recursive: true });
console.log(`backup written to ${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB)`);
