import fs from 'node:fs';
import path from 'node:path';

/** A table a source file names, and whether it writes it. */
export type TableUse = { file: string; line: number; table: string; write: boolean };

const WRITE = /\b(insertInto|updateTable|deleteFrom)\(\s*'([a-z_]+)/g;
const READ = /\b(selectFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*'([a-z_]+)/g;
// Raw SQL inside sql`…` templates: `from t`, `join t`, `into t`, `update t`.
const RAW = /\b(from|join|into|update)\s+([a-z_]+)\b/g;

/** The tables each non-test TypeScript file under `dir` reads and writes (Kysely calls and raw SQL fragments). */
export function tableUses(dir: string, tables: ReadonlySet<string>): TableUse[] {
  const uses: TableUse[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) scan(p);
    }
  };
  const scan = (file: string) => {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
      for (const m of text.matchAll(WRITE)) if (tables.has(m[2]!)) uses.push({ file, line: i + 1, table: m[2]!, write: true });
      for (const m of text.matchAll(READ)) if (tables.has(m[2]!)) uses.push({ file, line: i + 1, table: m[2]!, write: false });
      for (const tpl of text.matchAll(/sql(?:<[^>]*>)?`([^`]*)`/g)) {
        for (const m of tpl[1]!.matchAll(RAW)) if (tables.has(m[2]!)) uses.push({ file, line: i + 1, table: m[2]!, write: m[1] === 'into' || m[1] === 'update' });
      }
    });
  };
  walk(dir);
  return uses;
}
