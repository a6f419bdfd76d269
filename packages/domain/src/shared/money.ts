/** Money is integer fen everywhere; these helpers only format and convert at the edges. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

export function formatFen(fen: number, locale = 'zh-CN'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

/** Round half away from zero to `digits` decimals, immune to binary floating error (e.g. 1.005). */
export function roundHalfUp(value: number, digits = 2): number {
  const factor = 10 ** digits;
  const shifted = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(shifted)) / factor;
}
