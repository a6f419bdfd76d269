/**
 * Money is integer fen in the API. The UI shows ¥ with two decimals and takes yuan in forms;
 * conversions here work on digits, never through floating point.
 */

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234567 → "¥12,345.67"; negative amounts keep their sign in front: "-¥5.00". */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${group(String(yuan))}.${cents}`;
}

/** Fen as the yuan text an input shows: 1234567 → "12345.67". */
export function fenToYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Yuan typed by a user → integer fen, or null when it is not an amount with at most two
 * decimals ("12,345.6" → 1234560; "1.005" → null; "" → null).
 */
export function yuanTextToFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const raw = String(text).trim().replace(/[,，\s¥￥]/g, '');
  const match = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(raw);
  if (!match) return null;
  const [, minus, whole = '0', frac = ''] = match;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return minus ? -fen : fen;
}

export function sumFen(items: readonly { amountFen?: number | null }[] | null | undefined): number {
  return (items ?? []).reduce((sum, item) => sum + (item.amountFen ?? 0), 0);
}

/** Whether a payment schedule adds up to the contract amount, and by how much it misses. */
export function instalmentBalance(amountFen: number | null | undefined, instalments: readonly { amountFen?: number | null }[] | null | undefined) {
  const total = sumFen(instalments);
  const amount = amountFen ?? 0;
  return { total, amount, difference: amount - total, balanced: amount > 0 && total === amount };
}

/** Any decimal text → fen, rounding half up at the fen ("1.005" → 101); null when it is not a number. */
export function roundYuanTextToFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const raw = String(text).trim().replace(/[,，\s¥￥]/g, '');
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(raw);
  if (!match || (!match[2] && !match[3])) return null;
  const [, minus, whole = '', frac = ''] = match;
  const digits = frac.padEnd(3, '0');
  const fen = Number(whole || '0') * 100 + Number(digits.slice(0, 2)) + (Number(digits[2]) >= 5 ? 1 : 0);
  if (!Number.isSafeInteger(fen)) return null;
  return minus ? -fen : fen;
}
