import type { Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import type { Random } from '../lib/random.js';

/** An employee as the appraisal part sees them: who, where, since when, until when, and how good. */
export type Emp = {
  id: number;
  name: string;
  role: string;
  departmentId: number | null;
  supervisorId: number | null;
  positionTitle: string | null;
  customerFacing: number;
  createdMs: number;
  /** When they left (deactivated), else null. */
  leftMs: number | null;
  /** A steady level of performance (0–100) the scores of every period scatter around. */
  perf: number;
};

export const DAY = 24 * 3600_000;
export const iso = (ms: number) => new Date(ms).toISOString();

/** A standard normal draw (Box–Muller) from the seeded generator. */
export function normal(rng: Random): number {
  const u = Math.max(1e-12, rng.next());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

export const clampScore = (v: number) => Math.max(0, Math.min(100, v));

/** Same address scheme as the org part's activity, so one employee keeps one IP. */
export const ipOf = (id: number) => `10.${20 + (id % 30)}.${(id >> 8) & 255}.${id & 255}`;

export async function loadEmployees(db: Kysely<DB>, rng: Random): Promise<Emp[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'department_id', 'supervisor_id', 'position_title', 'customer_facing', 'active', 'created_at', 'updated_at'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    departmentId: r.department_id,
    supervisorId: r.supervisor_id,
    positionTitle: r.position_title,
    customerFacing: r.customer_facing,
    createdMs: Date.parse(r.created_at),
    // The org part deactivates leavers as their last change, so the row's stamp is the day they left.
    leftMs: r.active === 1 ? null : Date.parse(r.updated_at),
    perf: Math.max(45, Math.min(97, 78 + normal(rng) * 7)),
  }));
}

export function inService(e: Emp, ms: number): boolean {
  return e.createdMs <= ms && (e.leftMs === null || e.leftMs > ms);
}

/** YYYY-MM of a time (UTC). */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to` inclusive (YYYY-MM). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p);
  return out;
}

/** The first Monday–Friday on or after day `day` of the month, at `hourUtc`. */
export function workingDayOf(period: string, day: number, hourUtc: number): number {
  const d = new Date(`${period}-${String(day).padStart(2, '0')}T00:00:00Z`);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime() + hourUtc * 3600_000;
}

const PHRASES = {
  strengths: ['客户沟通主动及时，需求把握准确', '项目推进有计划，关键节点按期完成', '业务知识扎实，能独立解决复杂问题', '团队协作意识强，乐于分享经验', '工作责任心强，交付质量稳定', '学习新产品速度快，能迅速上手'],
  problems: ['部分文档归档不及时', '跨部门协调时主动性还可加强', '回款跟进节奏偏慢', '方案细节考虑不够周全', '时间管理有待提升，偶有延期', '数据分析能力需要加强'],
  plans: ['下月参加一次专业培训并分享', '每周整理客户跟进记录', '与上级每两周沟通一次进展', '制定回款计划并按周跟踪', '牵头一次项目复盘', '学习并应用新的方案模板'],
  summary: ['本期按计划完成主要工作目标', '重点客户维护良好，新签合同有进展', '项目交付顺利，客户反馈积极', '配合团队完成了多项临时任务', '本期业绩略低于预期，已分析原因'],
  supervisor: ['整体表现良好，继续保持', '业绩达标，能力有提升空间', '工作态度积极，专业能力需加强', '表现突出，是团队骨干', '本期完成情况一般，需改进工作方法'],
  high: ['超额完成目标，表现突出', '主动承担关键任务并出色完成', '获得客户书面表扬'],
  low: ['未达到岗位基本要求，需改进', '多次延误，影响团队进度', '与目标差距较大'],
  override: ['目标在期中调整，按调整后的口径评价', '大额合同跨期签订，按实际贡献调整', '客户原因导致延期，非本人责任', '含协助其他团队的工作量'],
  goals: ['完成年度销售目标并拓展两个新行业客户', '独立负责一个中型项目的全流程交付', '提升方案能力，主导三次投标'],
  development: ['参加项目管理认证培训', '轮岗一个季度到交付团队', '参与公司内训师计划'],
  calibrate: ['结合团队整体分布校准', '考虑跨部门支援的贡献', '与同岗位横向比较后调整'],
  dispute: ['对客户满意度一项的评分有不同意见', '本期部分业绩未计入，申请复核'],
};

export function phrase(rng: Random, kind: keyof typeof PHRASES): string {
  return rng.pick(PHRASES[kind]);
}
