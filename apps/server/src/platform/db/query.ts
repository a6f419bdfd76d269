import { sql, type Expression, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards; used with an explicit ESCAPE clause. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (m) => `\\${m}`);
}

/** Maps `sort=-createdAt` onto a whitelisted column and direction. */
export function sortOf<C>(sort: string | undefined, columns: Record<string, C>, fallback: string) {
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

/** A record code or number typed in part (`L2026`, `prj2026-00`): codes are upper case, so the prefix is too. */
export function codeStartsWith(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${escapeLike(text.trim().toUpperCase())}%`} escape '\\'`;
}

/**
 * Big lists page in two steps: the page's ids and the count come from a narrow query on the main
 * table alone (filters that need another table as `in (select …)`), so OFFSET and count(*) walk one
 * index instead of joined rows; then only those ids are read with every join, kept in page order.
 */
export async function narrowPage<R extends { id: number }>(
  pageIds: Promise<{ id: number }[]>,
  count: Promise<{ n: number } | undefined>,
  load: (ids: number[]) => Promise<R[]>,
): Promise<{ items: R[]; total: number }> {
  const [ids, counted] = await Promise.all([pageIds, count]);
  if (ids.length === 0) return { items: [], total: Number(counted?.n ?? 0) };
  const at = new Map(ids.map((r, i) => [r.id, i]));
  const items = (await load(ids.map((r) => r.id))).sort((a, b) => at.get(a.id)! - at.get(b.id)!);
  return { items, total: Number(counted?.n ?? 0) };
}

/** `count(*) as n`, the count the narrow query answers for narrowPage. */
export const countAll = sql<number>`count(*)`.as('n');
