import { sql, type Expression, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards; used with an explicit ESCAPE clause. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (m) => `\\${m}`);
}

/** Maps `sort=-createdAt` onto a whitelisted column and direction. */
export function sortOf<C extends string>(sort: string | undefined, columns: Record<string, C>, fallback: string) {
  const desc = sort?.startsWith('-') ?? false;
  const key = sort?.replace(/^-/, '') ?? fallback;
  const column = columns[key] ?? columns[fallback]!;
  return { column, direction: desc ? ('desc' as const) : ('asc' as const) };
}

/** Case-insensitive substring match that behaves the same on SQLite and PostgreSQL. */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${escapeLike(text.toLowerCase())}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
