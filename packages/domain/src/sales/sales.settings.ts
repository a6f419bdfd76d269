import { z } from 'zod';
import { defineSetting } from '../settings/setting.def.js';

const days = z.number().int().min(1).max(3650);

/** The sales module's "company rules" [3.1]. */
export const SALES_SETTINGS = {
  'sales.pool.idleDays': defineSetting({
    schema: days,
    default: 30,
    description: { zh: '客户/线索无跟进多少天后退回公海', en: 'Days without follow-up before a customer or lead returns to the shared pool' },
  }),
  'sales.pool.maxProtectedCustomers': defineSetting({
    schema: z.number().int().min(1).max(100_000),
    default: 50,
    description: { zh: '每人最多保护客户数', en: 'Maximum protected customers per employee' },
  }),
  'sales.proposal.leaderApprovalAboveFen': defineSetting({
    schema: z.number().int().min(0).max(1e15),
    default: 50_000_000,
    description: { zh: '方案总额超过此金额（分）需公司领导审批', en: 'Proposals above this amount (fen) also need a leader’s approval' },
  }),
  'sales.contract.numberFormat': defineSetting({
    schema: z.string().trim().min(1).max(60).regex(/\{seq(:\d)?\}/, 'field.invalidFormat'),
    default: 'YY-{year}-{seq:4}',
    description: { zh: '合同编号格式（{year} 年份，{seq:4} 四位流水号）', en: 'Contract number format ({year} year, {seq:4} four-digit sequence)' },
  }),
  'sales.lead.evaluationWorkingDays': defineSetting({
    schema: z.number().int().min(1).max(60),
    default: 3,
    description: { zh: '线索须在多少个工作日内完成评估', en: 'Working days within which a lead must be evaluated' },
  }),
};
