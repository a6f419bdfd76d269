import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

function fresh() {
  const native = new SQLite(':memory:');
  native.exec('create table t (id integer primary key, name text)');
  native.exec("insert into t (name) values ('甲'), ('乙'), ('丙')");
  return native;
}

describe('SQLite statement cache', () => {
  it('answers the same statement for the same SQL and evicts the least recently used', () => {
    const db = withStatementCache(fresh(), 2);
    const a = db.prepare('select 1');
    expect(db.prepare('select 1')).toBe(a);
    const b = db.prepare('select 2');
    db.prepare('select 1'); // a is now the most recent
    db.prepare('select 3'); // evicts b
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('prepares a fresh statement while the cached one is being iterated, and Kysely reads and writes through it', async () => {
    const cached = withStatementCache(fresh());
    const first = cached.prepare('select id from t order by id') as unknown as SQLite.Statement;
    const seen: number[] = [];
    for (const row of first.iterate() as Iterable<{ id: number }>) {
      const again = cached.prepare('select id from t order by id') as unknown as SQLite.Statement;
      expect(again).not.toBe(first);
      seen.push(row.id, (again.all() as { id: number }[]).length);
    }
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);

    const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: cached }) });
    for (const name of ['丁', '戊']) await db.insertInto('t').values({ name } as never).execute();
    const rows = await db.selectFrom('t').select('name').where('id', '>', 3).orderBy('id').execute();
    expect(rows.map((r) => r.name)).toEqual(['丁', '戊']);
    const streamed: string[] = [];
    for await (const r of db.selectFrom('t').select('name').orderBy('id').stream()) streamed.push(r.name);
    await db.updateTable('t').set({ name: sql`name || '!'` as never }).where('id', '=', 1).execute();
    expect(streamed).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect((await db.selectFrom('t').select('name').orderBy('id').execute()).map((r) => r.name)).toEqual(['甲!', '乙', '丙', '丁', '戊']);
    await db.destroy();
  });
});
