export type Summary = { n: number; median: number; p95: number; min: number; max: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: percentile(s, 50), p95: percentile(s, 95), min: s[0] ?? Number.NaN, max: s[s.length - 1] ?? Number.NaN };
}

/** Runs `fn` `warmup` times untimed, then `n` times timed; `prepare` runs untimed before each call. */
export async function timeRepeated<S>(n: number, warmup: number, prepare: (i: number) => Promise<S>, fn: (state: S) => Promise<void>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + n; i++) {
    const state = await prepare(i);
    const t = performance.now();
    await fn(state);
    if (i >= warmup) samples.push(performance.now() - t);
  }
  return summarize(samples);
}
