import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './template.defaults.js';
import { commentsMissing, gradeDistribution, gradeOf, meanScore, mixFinalScore, scoreTemplate, weightedMean, type GradeBand, type RaterMix, type RaterScores } from './scoring.rules.js';

const template = DEFAULT_TEMPLATES.monthly.dimensions;
const allItems = template.flatMap((d) => d.items.map((i) => i.key));
const uniform = (score: number) => Object.fromEntries(allItems.map((k) => [k, score]));

describe('scoreTemplate with the regulation weights (results 60 / ability 30 / attitude 10)', () => {
  it.each([
    ['every item 80', uniform(80), [80, 80, 80], 80],
    ['every item 0', uniform(0), [0, 0, 0], 0],
    ['every item 100', uniform(100), [100, 100, 100], 100],
    [
      'mixed: results 86, ability 75, attitude 88.75 → 82.975 rounds half up to 82.98',
      {
        sales: 100, profit: 80, marketShare: 60, projectQuality: 90, projectSchedule: 70, projectCost: 100, customerSatisfaction: 85,
        knowledge: 80, communication: 70, learning: 90, problemSolving: 60,
        responsibility: 90, teamwork: 85, initiative: 80, discipline: 100,
      },
      [86, 75, 88.75],
      82.98,
    ],
    [
      'results weigh six times attitude: only results at 100 → 60',
      { ...uniform(0), sales: 100, profit: 100, marketShare: 100, projectQuality: 100, projectSchedule: 100, projectCost: 100, customerSatisfaction: 100 },
      [100, 0, 0],
      60,
    ],
  ] as const)('%s', (_, scores, dims, total) => {
    const r = scoreTemplate(template, scores);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dimensions.map((d) => d.score)).toEqual(dims);
    expect(r.total).toBe(total);
  });

  it('names the items that have no score', () => {
    const { sales: _s, discipline: _d, ...rest } = uniform(70);
    expect(scoreTemplate(template, rest)).toEqual({ ok: false, missing: ['sales', 'discipline'] });
  });
});

describe('rounding edges (two decimals, half up)', () => {
  const two = [
    { key: 'a', weight: 50, items: [{ key: 'a1', weight: 50 }, { key: 'a2', weight: 50 }] },
    { key: 'b', weight: 50, items: [{ key: 'b1', weight: 100 }] },
  ];
  it.each([
    // 80.005 is 80.00499… in binary; half-up must still give 80.01.
    ['dimension 80.005 → 80.01', { a1: 80.01, a2: 80, b1: 70 }, [80.01, 70], 75.01],
    // The total uses the rounded dimension (80.01), not 80.005: 75.005 → 75.01, not 75.00.
    ['total from the rounded dimensions the form shows', { a1: 80.01, a2: 80, b1: 70 }, [80.01, 70], 75.01],
    ['x.xx4 rounds down', { a1: 33.33, a2: 33.34, b1: 33.33 }, [33.34, 33.33], 33.34],
    ['one third weights', { a1: 100, a2: 0, b1: 0 }, [50, 0], 25],
  ] as const)('%s', (_, scores, dims, total) => {
    const r = scoreTemplate(two, scores);
    if (!r.ok) throw new Error('expected a score');
    expect(r.dimensions.map((d) => d.score)).toEqual(dims);
    expect(r.total).toBe(total);
  });

  it.each([
    [[{ weight: 1, score: 1 }, { weight: 2, score: 2 }], 1.67],
    [[{ weight: 3, score: 2.345 }], 2.35],
    [[{ weight: 1, score: 1.005 }], 1.01],
    [[], null],
  ] as const)('weightedMean %j → %s', (parts, expected) => {
    expect(weightedMean(parts)).toBe(expected);
  });
});

describe('mixFinalScore: the rater mix renormalised over the raters present', () => {
  const annual: RaterMix = { supervisor: 70, peer: 15, customer: 15 };
  const monthly: RaterMix = { supervisor: 100, peer: 0, customer: 0 };
  it.each([
    ['annual, all three raters', annual, { supervisor: 80, peer: 90, customer: 70 }, 80, { supervisor: 70, peer: 15, customer: 15 }],
    // Not customer-facing: (70 × 80 + 15 × 90) ÷ 85 = 81.7647…
    ['annual, no customer review', annual, { supervisor: 80, peer: 90, customer: null }, 81.76, { supervisor: 82.35, peer: 17.65, customer: 0 }],
    ['annual, no peer returned', annual, { supervisor: 80, peer: null, customer: 100 }, 83.53, { supervisor: 82.35, peer: 0, customer: 17.65 }],
    ['annual, supervisor only', annual, { supervisor: 77.77, peer: null, customer: null }, 77.77, { supervisor: 100, peer: 0, customer: 0 }],
    ['monthly ignores a peer score the mix does not weigh', monthly, { supervisor: 65.5, peer: 99, customer: null }, 65.5, { supervisor: 100, peer: 0, customer: 0 }],
  ] as const)('%s', (_, mix, scores, final, weights) => {
    expect(mixFinalScore(mix, scores as RaterScores)).toEqual({ score: final, weights });
  });

  it('gives no final score without the supervisor’s', () => {
    expect(mixFinalScore(annual, { supervisor: null, peer: 90, customer: 80 })).toBeNull();
  });
});

describe('meanScore', () => {
  it.each([
    [[], null],
    [[80], 80],
    [[80, 85, 90.01], 85],
    [[70, 75.01], 72.51],
  ] as const)('%j → %s', (values, expected) => {
    expect(meanScore(values)).toBe(expected);
  });
});

const bands: GradeBand[] = [
  { grade: 'S', min: 90 },
  { grade: 'A', min: 80 },
  { grade: 'B', min: 70 },
  { grade: 'C', min: 60 },
  { grade: 'D', min: 0 },
];

describe('gradeOf (default bands S ≥ 90, A ≥ 80, B ≥ 70, C ≥ 60, D < 60)', () => {
  it.each([
    [100, 'S'],
    [90, 'S'],
    [89.99, 'A'],
    [80, 'A'],
    [70, 'B'],
    [60, 'C'],
    [59.99, 'D'],
    [0, 'D'],
  ])('%s → %s', (score, grade) => {
    expect(gradeOf(score, bands)).toBe(grade);
  });

  it('does not depend on the order the bands are stored in', () => {
    expect(gradeOf(85, [...bands].reverse())).toBe('A');
  });

  it('counts the distribution in band order with zeros', () => {
    expect(gradeDistribution(['A', 'B', 'A', null, 'D'], bands)).toEqual([
      { grade: 'S', count: 0 },
      { grade: 'A', count: 2 },
      { grade: 'B', count: 1 },
      { grade: 'C', count: 0 },
      { grade: 'D', count: 1 },
    ]);
  });
});

describe('commentsMissing (setting: below 60 or above 95 needs a comment)', () => {
  const rule = { below: 60, above: 95 };
  it.each([
    [{ a: { score: 59 } }, ['a']],
    [{ a: { score: 59, comment: '客户投诉两次' } }, []],
    [{ a: { score: 59, comment: '   ' } }, ['a']],
    [{ a: { score: 60 }, b: { score: 95 } }, []],
    [{ a: { score: 95.01 }, b: { score: 100, comment: '超额完成' } }, ['a']],
  ] as const)('%j → %j', (items, expected) => {
    expect(commentsMissing(items, rule)).toEqual(expected);
  });
});
