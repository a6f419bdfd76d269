import fs from 'node:fs';
import path from 'node:path';

/** A table a source file names, and whether it writes it. */
export type TableUse = { file: string; line: number; table: string; write: boolean };

const KYSELY = /\b(insertInto|updateTable|deleteFrom|selectFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*'([a-z_]+)/g;
const WRITES = new Set(['insertInto', 'updateTable', 'deleteFrom']);
const TEMPLATE = /sql(?:<[^>]*>)?`([^`]*)`/g;
// Raw SQL inside sql`…` templates: `from t`, `join t` read; `into t`, `update t` write.
const RAW = /\b(from|join|into|update)\s+([a-z_]+)\b/g;

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The tables each non-test TypeScript file under `dir` reads and writes, through Kysely calls and raw SQL templates. */
export function tableUses(dir: string, tables: ReadonlySet<string>): TableUse[] {
  const uses: TableUse[] = [];
  const scan = (file: string) => {
    const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
    for (const m of text.matchAll(KYSELY)) {
      if (tables.has(m[2]!)) uses.push({ file, line: lineAt(text, m.index!), table: m[2]!, write: WRITES.has(m[1]!) });
    }
    for (const t of text.matchAll(TEMPLATE)) {
      for (const m of t[1]!.matchAll(RAW)) {
        if (tables.has(m[2]!)) uses.push({ file, line: lineAt(text, t.index! + m.index!), table: m[2]!, write: m[1] === 'into' || m[1] === 'update' });
      }
    }
  };
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) scan(p);
    }
  };
  walk(dir);
  return uses;
}
