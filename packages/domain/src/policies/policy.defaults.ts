import { z } from 'zod';
import { DELIVERY_POLICIES } from '../delivery/delivery.policies.js';
import { APPRAISAL_POLICIES } from '../appraisal/appraisal.policies.js';

/** What one policy parameter is: how its value is validated, its default, and what it means. */
export type PolicyDef<S extends z.ZodType> = {
  schema: S;
  default: z.infer<S>;
  description: { zh: string; en: string; zhTW?: string };
};

function policy<S extends z.ZodType>(def: PolicyDef<S>): PolicyDef<S> {
  return def;
}

const days = z.number().int().min(1).max(3650);
const extension = z.string().regex(/^[a-z0-9]{1,10}$/, 'field.invalidFormat');

/**
 * Every policy parameter the regulation leaves to "company rules" [intro]: stored, versioned
 * with an effective date, editable by an administrator. Modules add their keys here.
 */
export const POLICY_DEFAULTS = {
  'sales.pool.idleDays': policy({
    schema: days,
    default: 30,
    description: { zh: '客户/线索无跟进多少天后退回公海', en: 'Days without follow-up before a customer or lead returns to the shared pool' },
  }),
  'sales.pool.maxProtectedCustomers': policy({
    schema: z.number().int().min(1).max(100_000),
    default: 50,
    description: { zh: '每人最多保护客户数', en: 'Maximum protected customers per employee' },
  }),
  'sales.proposal.leaderApprovalAboveFen': policy({
    schema: z.number().int().min(0).max(1e15),
    default: 50_000_000,
    description: { zh: '方案总额超过此金额（分）需公司领导审批', en: 'Proposals above this amount (fen) also need a leader’s approval' },
  }),
  'sales.contract.numberFormat': policy({
    schema: z.string().trim().min(1).max(60).regex(/\{seq(:\d)?\}/, 'field.invalidFormat'),
    default: 'YY-{year}-{seq:4}',
    description: { zh: '合同编号格式（{year} 年份，{seq:4} 四位流水号）', en: 'Contract number format ({year} year, {seq:4} four-digit sequence)' },
  }),
  'sales.lead.evaluationWorkingDays': policy({
    schema: z.number().int().min(1).max(60),
    default: 3,
    description: { zh: '线索须在多少个工作日内完成评估', en: 'Working days within which a lead must be evaluated' },
  }),
  'files.maxUploadMb': policy({
    schema: z.number().int().min(1).max(200),
    default: 20,
    description: { zh: '单个上传文件大小上限（MB）', en: 'Maximum size of one uploaded file (MB)' },
  }),
  'files.allowedTypes': policy({
    schema: z.array(extension).min(1).max(50),
    default: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'png', 'jpg', 'jpeg', 'txt', 'zip', 'csv'],
    description: { zh: '允许上传的文件扩展名', en: 'File extensions allowed for upload' },
  }),
  ...DELIVERY_POLICIES,
  ...APPRAISAL_POLICIES,
};

export type PolicyKey = keyof typeof POLICY_DEFAULTS;
export type PolicyValue<K extends PolicyKey> = z.infer<(typeof POLICY_DEFAULTS)[K]['schema']>;

export const POLICY_KEYS = Object.keys(POLICY_DEFAULTS) as PolicyKey[];

export function isPolicyKey(key: string): key is PolicyKey {
  return Object.hasOwn(POLICY_DEFAULTS, key);
}
