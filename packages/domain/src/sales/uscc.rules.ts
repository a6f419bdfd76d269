/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a mod-31 check character. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CHARSET[check]!;
}

export function isValidUscc(code: string): boolean {
  const c = code.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(c)) return false;
  return usccCheckChar(c.slice(0, 17)) === c[17];
}

/** Builds a valid code from 17 characters (demo data and tests). */
export function withUsccCheck(first17: string): string {
  const check = usccCheckChar(first17.toUpperCase());
  if (!check) throw new Error(`invalid USCC body ${first17}`);
  return first17.toUpperCase() + check;
}
