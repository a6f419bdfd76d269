import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { NOTIFY_KINDS } from '@domain/notify/notify.schema.js';
import { MODULES } from '../../apps/server/src/modules.js';
import { moduleRegistry } from '../../apps/server/src/platform/module.js';
import { contributionDeclarers, hookDeclarers } from '../../scripts/lib/module-map.js';
import { PLATFORM_TABLES } from '../../apps/server/src/platform/db/schema.js';
import { openSqlite } from '../../apps/server/src/platform/db/database.js';
import { prepareDatabase } from '../../apps/server/src/bootstrap.js';
import { tableUses } from './table-access.js';

const MODULES_DIR = path.resolve('apps/server/src/modules');
/** The organisation's directory: any module may join it (read only) to show names and check roles. */
const DIRECTORY = new Set(['users', 'departments']);

function owners(): Map<string, string> {
  const owner = new Map<string, string>();
  const claim = (table: string, by: string) => {
    if (owner.has(table)) throw new Error(`${table} claimed by ${owner.get(table)} and ${by}`);
    owner.set(table, by);
  };
  for (const t of PLATFORM_TABLES) claim(t, 'platform');
  for (const m of MODULES) for (const t of m.tables) claim(t, m.name);
  return owner;
}

describe('module front doors', () => {
  it('every folder under modules/ is one entry object in MODULES, named after it', () => {
    const folders = fs.readdirSync(MODULES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
    for (const f of folders) expect(fs.existsSync(path.join(MODULES_DIR, f, 'index.ts')), `modules/${f}/index.ts`).toBe(true);
  });

  it('each table has exactly one owner, and the migrated database has no table nobody owns', async () => {
    const owner = owners();
    const database = openSqlite(':memory:');
    await prepareDatabase(database);
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(database.db);
    await database.close();
    // Kysely's bookkeeping, SQLite's own, and the FTS5 index's shadow tables belong to what made them.
    const created = rows.map((r) => r.name).filter((n) => !/^(kysely_|sqlite_)/.test(n) && !/^lessons_fts_/.test(n));
    expect(created.filter((t) => !owner.has(t))).toEqual([]);
    expect([...owner.keys()].filter((t) => !created.includes(t))).toEqual([]);
  });

  it('a module writes only its own tables and reads others only through their owners (the directory aside)', () => {
    const owner = owners();
    const tables = new Set(owner.keys());
    const wrong: string[] = [];
    for (const m of MODULES) {
      for (const use of tableUses(path.join(MODULES_DIR, m.name), tables)) {
        const by = owner.get(use.table);
        if (by === m.name || (!use.write && DIRECTORY.has(use.table))) continue;
        wrong.push(`${path.relative(MODULES_DIR, use.file)}:${use.line} ${use.write ? 'writes' : 'reads'} ${use.table} (${by}'s)`);
      }
    }
    expect(wrong, 'call the owner: its entry object\'s queries, a hook, or a platform function').toEqual([]);
  });

  it('notification kinds a module declares have their message templates', () => {
    const known = new Set<string>(NOTIFY_KINDS);
    expect(MODULES.flatMap((m) => (m.notificationKinds ?? []).filter((k) => !known.has(k)).map((k) => `${m.name}: ${k}`))).toEqual([]);
  });

  it('every hook a module declares is provided by a module after it', () => {
    const provided = moduleRegistry(MODULES).hooks as unknown as Record<string, unknown>;
    const order = MODULES.map((m) => m.name);
    const wrong: string[] = [];
    for (const [hook, declarer] of hookDeclarers()) {
      const provider = MODULES.find((m) => m.provides && hook in m.provides);
      if (typeof provided[hook] !== 'function' || !provider) wrong.push(`${hook} (declared by ${declarer}) is provided by no module`);
      else if (order.indexOf(provider.name) < order.indexOf(declarer)) wrong.push(`${hook} is provided by ${provider.name}, listed before ${declarer}`);
    }
    expect(hookDeclarers().size).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('a module contributes only to points declared by a module before it; contributions keep module order', () => {
    const declared = contributionDeclarers();
    const order = MODULES.map((m) => m.name);
    const wrong: string[] = [];
    for (const m of MODULES) {
      for (const point of Object.keys(m.contributes ?? {})) {
        const declarer = declared.get(point);
        if (!declarer) wrong.push(`${m.name} contributes to ${point}, which no module declares`);
        else if (order.indexOf(declarer) >= order.indexOf(m.name)) wrong.push(`${m.name} contributes to ${point} of ${declarer}, listed after it`);
      }
    }
    expect(declared.get('appraisalEvidence')).toBe('appraisal');
    expect(wrong).toEqual([]);
    const a = { name: 'a', routes: [], tables: [], contributes: { appraisalEvidence: [{ source: 'x', labelKey: 'k', load: async () => [] }] } };
    const b = { name: 'b', routes: [], tables: [], contributes: { appraisalEvidence: [{ source: 'y', labelKey: 'k', load: async () => [] }] } };
    expect(moduleRegistry([a, b]).contributions.appraisalEvidence?.map((s) => s.source)).toEqual(['x', 'y']);
    expect(moduleRegistry([]).contributions.appraisalEvidence).toBeUndefined();
  });

  it('names are unique: modules, jobs, attachment kinds', () => {
    const names = MODULES.map((m) => m.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const kinds = MODULES.flatMap((m) => Object.keys(m.attachmentAccess ?? {}));
    expect(kinds.filter((k, i) => kinds.indexOf(k) !== i)).toEqual([]);
  });
});
