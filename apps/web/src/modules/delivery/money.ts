/** Yuan typed by a user → integer fen, or null unless it is an amount with at most two decimals ("1,860.5" → 186050). */
export function yuanToFen(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/[,，\s¥￥]/g, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen as 万元 (ten-thousand yuan) with two decimals, for chart axes. */
export function fenToWan(fen: number): number {
  return Math.round(fen / 10_000) / 100;
}
