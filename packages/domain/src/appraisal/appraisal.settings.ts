import { z } from 'zod';
import { defineSetting } from '../settings/setting.def.js';

const grade = z.string().regex(/^[A-Z][A-Z+-]?$/, 'field.invalidFormat');
const grades = z.array(grade).max(10);
const points = z.number().min(0).max(100);

const raterMix = z
  .strictObject({ supervisor: z.number().int().min(1).max(100), peer: z.number().int().min(0).max(99), customer: z.number().int().min(0).max(99) })
  .refine((m) => m.supervisor + m.peer + m.customer === 100, { message: 'field.weightsSum', path: ['supervisor'] });

/** The appraisal's "company rules" [4]: everything a company tunes, never hard-coded. Template weights are versioned templates, not settings. */
export const APPRAISAL_SETTINGS = {
  'appraisal.gradeBands': defineSetting({
    schema: z
      .array(z.strictObject({ grade, min: points }))
      .min(2)
      .max(10)
      .refine((bands) => new Set(bands.map((b) => b.grade)).size === bands.length && new Set(bands.map((b) => b.min)).size === bands.length && bands.some((b) => b.min === 0), 'field.gradeBands'),
    default: [
      { grade: 'S', min: 90 },
      { grade: 'A', min: 80 },
      { grade: 'B', min: 70 },
      { grade: 'C', min: 60 },
      { grade: 'D', min: 0 },
    ],
    description: { zh: '绩效等级分数段（不低于该分数即为该等级；须有一档从 0 起）', en: 'Grade bands: the lowest final score of each grade (one band must start at 0)' },
  }),
  'appraisal.raterMix.monthly': defineSetting({
    schema: raterMix,
    default: { supervisor: 100, peer: 0, customer: 0 },
    description: { zh: '月度考核最终得分构成（上级/同事/客户，合计 100）', en: 'Monthly final score mix of supervisor / peer / customer (sums to 100)' },
  }),
  'appraisal.raterMix.annual': defineSetting({
    schema: raterMix,
    default: { supervisor: 70, peer: 15, customer: 15 },
    description: { zh: '年度考核最终得分构成（上级/同事/客户，合计 100；缺少的评价方按比例分摊）', en: 'Annual final score mix of supervisor / peer / customer (sums to 100; absent raters are renormalised away)' },
  }),
  'appraisal.bonusCoefficients': defineSetting({
    schema: z.record(grade, z.number().min(0).max(10)),
    default: { S: 1.5, A: 1.2, B: 1, C: 0.8, D: 0 },
    description: { zh: '各绩效等级的奖金系数（奖金 = 基数 × 系数）', en: 'Bonus coefficient per grade (bonus = base × coefficient)' },
  }),
  'appraisal.bonusBaseFen': defineSetting({
    schema: z.strictObject({ monthly: z.number().int().min(0).max(1e11), annual: z.number().int().min(0).max(1e11) }),
    default: { monthly: 200_000, annual: 2_000_000 },
    description: { zh: '默认绩效奖金基数（分；人力资源可按人调整）', en: 'Default bonus base in fen (HR may adjust per employee)' },
  }),
  'appraisal.belowStandardGrades': defineSetting({
    schema: grades.min(1),
    default: ['D'],
    description: { zh: '视为“不达标”的等级', en: 'Grades that count as below standard' },
  }),
  'appraisal.positionAdjustment.consecutiveBelow': defineSetting({
    schema: z.number().int().min(1).max(24),
    default: 3,
    description: { zh: '连续多少次月度考核不达标提示岗位调整', en: 'Consecutive monthly results below standard that flag a position adjustment' },
  }),
  'appraisal.promotionGrades': defineSetting({
    schema: grades.min(1),
    default: ['S'],
    description: { zh: '年度考核达到哪些等级列入晋升/奖励候选', en: 'Annual grades that put an employee on the promotion/reward list' },
  }),
  'appraisal.attainmentRule': defineSetting({
    schema: z
      .strictObject({ floorPercent: z.number().min(0).max(100), fullScorePercent: z.number().min(1).max(1000), maxScore: z.number().min(1).max(100) })
      .refine((r) => r.floorPercent <= r.fullScorePercent, { message: 'field.rangeOrder', path: ['fullScorePercent'] }),
    default: { floorPercent: 50, fullScorePercent: 100, maxScore: 100 },
    description: { zh: '完成率换算得分：线性，达到满分完成率即得满分且封顶；低于下限完成率得 0 分', en: 'Attainment to score: linear up to the full-score attainment, capped; 0 below the floor' },
  }),
  'appraisal.disciplineRule': defineSetting({
    schema: z.strictObject({ latePenalty: points, absentDayPenalty: points, leaveDayPenalty: points }),
    default: { latePenalty: 5, absentDayPenalty: 20, leaveDayPenalty: 0 },
    description: { zh: '遵守纪律得分：100 分起，每次迟到、每天旷工、每天请假各扣分', en: 'Discipline score: 100 less points per late arrival, absent day and leave day' },
  }),
  'appraisal.costOverrunPenalty': defineSetting({
    schema: z.number().min(0).max(100),
    default: 2,
    description: { zh: '项目成本每超预算 1% 扣多少分', en: 'Points deducted per percent a project runs over budget' },
  }),
  'appraisal.commentRequired': defineSetting({
    schema: z.strictObject({ below: points, above: points }).refine((r) => r.below <= r.above, { message: 'field.rangeOrder', path: ['above'] }),
    default: { below: 60, above: 95 },
    description: { zh: '单项得分低于或高于多少分时必须填写说明', en: 'An item score below or above these needs a written comment' },
  }),
  'appraisal.peerAnonymous': defineSetting({
    schema: z.boolean(),
    default: true,
    description: { zh: '同事评价对被考核人匿名', en: 'Peer reviews are anonymous to the employee' },
  }),
  'appraisal.peerCount': defineSetting({
    schema: z.strictObject({ min: z.number().int().min(1).max(10), max: z.number().int().min(1).max(10) }).refine((r) => r.min <= r.max, { message: 'field.rangeOrder', path: ['max'] }),
    default: { min: 2, max: 5 },
    description: { zh: '年度考核由上级选定的同事评价人数', en: 'How many peers the supervisor picks for an annual appraisal' },
  }),
  'appraisal.stepDays': defineSetting({
    schema: z.strictObject({ self: z.number().int().min(1).max(60), supervisor: z.number().int().min(1).max(60), reviews: z.number().int().min(1).max(60), feedback: z.number().int().min(1).max(60) }),
    default: { self: 3, supervisor: 4, reviews: 7, feedback: 4 },
    description: { zh: '各环节期限（天，依次累加）：自评、上级评价、同事/客户评价、反馈面谈', en: 'Days allowed per step, one after another: self, supervisor, peer/customer reviews, feedback' },
  }),
  'appraisal.monthlyAutoOpen': defineSetting({
    schema: z.strictObject({ enabled: z.boolean(), workingDaysBeforeMonthEnd: z.number().int().min(1).max(10) }),
    default: { enabled: true, workingDaysBeforeMonthEnd: 2 },
    description: { zh: '月末倒数第几个工作日自动开启月度考核（未手动开启时）', en: 'Open the monthly cycle automatically on this last working day of the month (unless HR already did)' },
  }),
  'appraisal.customerLinkDays': defineSetting({
    schema: z.number().int().min(1).max(90),
    default: 14,
    description: { zh: '客户评价链接有效天数', en: 'Days a customer review link stays valid' },
  }),
};
