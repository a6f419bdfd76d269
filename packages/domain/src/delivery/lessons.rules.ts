/** Knowledge-base search text [3.3.4]: trimmed, inner whitespace collapsed; at least 2 characters to search. */
export function normalizeSearch(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

/** Characters, not UTF-16 units, so a CJK query of two characters counts as two. */
export function charLength(text: string): number {
  return [...text].length;
}

/** FTS5 trigram matches need 3 characters; shorter queries fall back to a substring scan. */
export function canUseTrigram(q: string): boolean {
  return charLength(q) >= 3;
}

/** A phrase for FTS5 MATCH: the whole query quoted, inner quotes doubled. */
export function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

/** The part of `text` around the first case-insensitive hit of `q`, with ellipses where cut. */
export function snippetAround(text: string, q: string, radius = 40): string | null {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return null;
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + q.length + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
