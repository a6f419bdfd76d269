import { z } from 'zod';
import { defineSetting } from '../settings/setting.def.js';
import { healthThresholdsSchema } from './health.rules.js';
import { requiredDocumentsSchema } from './documents.rules.js';
import { REPORT_PERIOD_KINDS } from './period.rules.js';

/** The delivery module's "company rules" [3.2–3.3, 2.2.3]. */
export const DELIVERY_SETTINGS = {
  'delivery.health.thresholds': defineSetting({
    schema: healthThresholdsSchema,
    default: { amberDaysLate: 3, redDaysLate: 10, amberProgressGapPct: 10, redProgressGapPct: 25, amberCostOverrunPct: 0, redCostOverrunPct: 10, redOpenMajorIssues: 2 },
    description: {
      zh: '项目健康度阈值：里程碑延误天数、计划与实际进度差（百分点）、科目超支比例（%）达到第一个值为黄、第二个值为红；未关闭的重大问题有一个即为黄，达到数量为红',
      zhTW: '專案健康度閾值：里程碑延誤天數、計畫與實際進度差（百分點）、科目超支比例（%）達到第一個值為黃、第二個值為紅；未關閉的重大問題有一個即為黃，達到數量為紅',
      en: 'Project health thresholds: days a milestone is late, planned-minus-actual progress (points) and budget-line overrun (%) turn amber at the first value and red at the second; one open major issue is amber, this many red',
    },
  }),
  'delivery.budget.warningPct': defineSetting({
    schema: z.number().min(1).max(100),
    default: 90,
    description: { zh: '预算科目使用率达到此比例（%）时预警', zhTW: '預算科目使用率達到此比例（%）時預警', en: 'Warn when a budget line’s usage reaches this share (%)' },
  }),
  'delivery.receivable.dueDays': defineSetting({
    schema: z.number().int().min(0).max(365),
    default: 30,
    description: { zh: '开票后多少天内应回款（逾期起算）', zhTW: '開票後多少天內應回款（逾期起算）', en: 'Days after invoicing within which payment is due (overdue after)' },
  }),
  'delivery.progressReport.period': defineSetting({
    schema: z.enum(REPORT_PERIOD_KINDS),
    default: 'week',
    description: { zh: '项目成员进度汇报周期（week 每周 / month 每月）', zhTW: '專案成員進度匯報週期（week 每週 / month 每月）', en: 'How often team members report progress (week / month)' },
  }),
  'delivery.documents.required': defineSetting({
    schema: requiredDocumentsSchema,
    default: { executing: ['contract', 'plan'], internal_acceptance: ['report'], customer_acceptance: ['deliverable'], settlement: ['acceptance'] },
    description: {
      zh: '各阶段须归档的项目文档类别（contract 合同、plan 计划、report 报告、minutes 会议纪要、deliverable 交付物、acceptance 验收文件）；结项前须全部齐备',
      zhTW: '各階段須歸檔的專案文件類別（contract 合約、plan 計畫、report 報告、minutes 會議紀要、deliverable 交付物、acceptance 驗收文件）；結案前須全部齊備',
      en: 'Document categories to archive by each stage (contract, plan, report, minutes, deliverable, acceptance); all must be present to close',
    },
  }),
  'delivery.acceptance.qualityItems': defineSetting({
    schema: z.array(z.string().trim().min(1).max(100)).max(30),
    default: ['交付成果符合合同约定的范围与数量', '交付文档齐全、版本一致、格式规范', '客户提出的问题均已关闭或有书面处理意见'],
    description: { zh: '内部验收清单中的通用质量标准项', zhTW: '內部驗收清單中的通用品質標準項', en: 'Quality standards added to every internal acceptance checklist' },
  }),
};
