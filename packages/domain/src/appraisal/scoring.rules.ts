import { roundHalfUp } from '../shared/money.js';

/**
 * How an appraisal is scored [docs/design.md §3]. Items are scored 0–100. A dimension's score is the
 * weighted mean of its items; the total is Σ dimension weight × dimension score ÷ 100. Both are
 * rounded to two decimals, half up, and the total is computed from the rounded dimension scores
 * the form shows, so what a reader adds up by hand matches the total.
 */
export type Weighted = { weight: number; score: number };

export function weightedMean(parts: readonly Weighted[]): number | null {
  const weight = parts.reduce((s, p) => s + p.weight, 0);
  if (weight <= 0) return null;
  return roundHalfUp(parts.reduce((s, p) => s + p.weight * p.score, 0) / weight, 2);
}

export type ScoredDimensionShape = { key: string; weight: number; items: readonly { key: string; weight: number }[] };
export type DimensionScore = { key: string; weight: number; score: number };
export type TemplateScore = { ok: true; dimensions: DimensionScore[]; total: number } | { ok: false; missing: string[] };

export function scoreTemplate(dimensions: readonly ScoredDimensionShape[], scores: Readonly<Record<string, number | undefined>>): TemplateScore {
  const missing = dimensions.flatMap((d) => d.items.filter((i) => typeof scores[i.key] !== 'number').map((i) => i.key));
  if (missing.length) return { ok: false, missing };
  const dims = dimensions.map((d) => ({ key: d.key, weight: d.weight, score: weightedMean(d.items.map((i) => ({ weight: i.weight, score: scores[i.key]! }))) ?? 0 }));
  const total = weightedMean(dims) ?? 0;
  return { ok: true, dimensions: dims, total };
}

export const RATERS = ['supervisor', 'peer', 'customer'] as const;
export type Rater = (typeof RATERS)[number];
export type RaterMix = Record<Rater, number>;
export type RaterScores = Record<Rater, number | null>;

/**
 * Final score: the mix in the settings of the raters' scores (the self score never counts). Raters who
 * gave no score — no customer review for staff who do not face customers, no peer review
 * returned — drop out and the mix is renormalised over those present: with 70/15/15 and no
 * customer, the final is (70 × supervisor + 15 × peer) ÷ 85. The supervisor's evaluation is
 * the backbone: without it there is no final score, whatever the others said.
 */
export function mixFinalScore(mix: RaterMix, scores: RaterScores): { score: number; weights: RaterMix } | null {
  if (scores.supervisor === null) return null;
  const present = RATERS.filter((r) => scores[r] !== null && mix[r] > 0);
  const total = present.reduce((s, r) => s + mix[r], 0);
  const weights: RaterMix = { supervisor: 0, peer: 0, customer: 0 };
  for (const r of present) weights[r] = roundHalfUp((mix[r] * 100) / total, 2);
  const score = weightedMean(present.map((r) => ({ weight: mix[r], score: scores[r]! })))!;
  return { score, weights };
}

/** The mean of several raters' scores (peers, customers), two decimals; null when there are none. */
export function meanScore(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return roundHalfUp(values.reduce((s, v) => s + v, 0) / values.length, 2);
}

export type GradeBand = { grade: string; min: number };

/** The first band (highest minimum first) the score reaches; bands are a setting. */
export function gradeOf(score: number, bands: readonly GradeBand[]): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => score >= b.min) ?? sorted[sorted.length - 1]!).grade;
}

export type CommentRule = { below: number; above: number };

/** Item keys whose score needs a written comment under the settings (e.g. below 60 or above 95). */
export function commentsMissing(items: Readonly<Record<string, { score: number; comment?: string | null }>>, rule: CommentRule): string[] {
  return Object.entries(items)
    .filter(([, v]) => (v.score < rule.below || v.score > rule.above) && !(v.comment ?? '').trim())
    .map(([k]) => k);
}

/** Counts per grade, in band order, every band present (zero included). */
export function gradeDistribution(grades: readonly (string | null)[], bands: readonly GradeBand[]): { grade: string; count: number }[] {
  const order = [...bands].sort((a, b) => b.min - a.min).map((b) => b.grade);
  return order.map((grade) => ({ grade, count: grades.filter((g) => g === grade).length }));
}
