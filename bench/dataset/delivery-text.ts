import type { Random } from '../lib/random.js';

export const MEMBER_ROLES: readonly (readonly [string, string])[] = [
  ['技术负责人', '负责系统架构设计与关键技术把关'],
  ['实施顾问', '负责需求调研、系统配置与用户培训'],
  ['开发工程师', '负责功能开发与接口对接'],
  ['测试工程师', '负责测试用例编写与系统测试'],
  ['商务专员', '负责合同、开票与回款跟进'],
];

const TASKS = [
  ['现状调研与访谈', '需求分析与确认', '方案设计评审'],
  ['核心模块开发', '接口开发与联调', '数据迁移脚本'],
  ['系统集成测试', '性能测试', '用户验收测试'],
  ['生产环境部署', '试运行保障', '问题跟踪与修复'],
  ['用户培训', '验收材料整理', '项目总结'],
];
export function taskName(rng: Random, milestone: number, i: number): string {
  const list = TASKS[Math.min(milestone, TASKS.length - 1)]!;
  return list[i % list.length]! + (rng.chance(0.2) ? '（二期）' : '');
}

export function workDone(rng: Random): string {
  return rng.pick(['完成了需求调研访谈并整理纪要', '完成核心模块开发并提交测试', '完成接口联调，修复缺陷 12 个', '组织了系统培训，参训 30 人', '完成测试环境部署与数据初始化', '编写并评审了系统设计文档']) + '。';
}
export function nextSteps(rng: Random): string {
  return rng.pick(['推进用户验收测试', '完成剩余接口开发', '准备上线方案并组织评审', '跟进客户确认需求变更', '整理验收材料']) + '。';
}
export function problem(rng: Random): string {
  return rng.pick(['客户方接口人员变动，沟通效率下降', '第三方系统接口文档不完整', '测试环境资源不足', '部分需求尚未最终确认']) + '。';
}

const ISSUES: readonly (readonly [string, string])[] = [
  ['客户数据质量问题', '历史数据存在大量重复与缺失，影响数据迁移进度。'],
  ['接口联调受阻', '对方系统接口频繁变更，联调反复。'],
  ['关键人员请假', '技术负责人临时请假两周，部分任务需重新安排。'],
  ['需求理解偏差', '客户对报表口径的理解与设计不一致。'],
  ['服务器资源不足', '客户提供的服务器配置低于要求，性能测试不达标。'],
  ['进度滞后', '开发进度落后计划约一周。'],
];
export function issue(rng: Random): { title: string; description: string } {
  const [title, description] = rng.pick(ISSUES);
  return { title, description };
}

export function changeTitle(rng: Random): string {
  return rng.pick(['新增移动端审批功能', '增加数据大屏展示', '扩大实施范围至分公司', '增加与财务系统的接口', '调整报表模板']);
}

const EXPENSES: Record<string, readonly string[]> = {
  travel: ['赴客户现场调研往返机票', '驻场实施高铁票'],
  accommodation: ['驻场期间酒店住宿', '出差住宿费'],
  meals: ['项目组加班餐费', '出差伙食补助'],
  transport: ['市内交通费', '客户现场往返打车费'],
  materials: ['测试设备采购', '软件许可续费'],
  outsourcing: ['外包测试服务费', '第三方接口开发服务费'],
  communication: ['项目通讯费', '视频会议服务费'],
  other: ['培训场地租赁', '资料打印装订费'],
};
export function expenseText(rng: Random, category: string): string {
  return rng.pick(EXPENSES[category] ?? EXPENSES.other!);
}

export function yuanText(fen: number): string {
  return (fen / 100).toFixed(2);
}

const WELL = ['需求调研充分，客户关键用户全程参与', '每周例会机制有效，问题能及时暴露', '复用了以往项目的标准化模板，节省了开发时间', '测试用例覆盖全面，上线后缺陷少'];
const WRONG = ['前期低估了数据迁移的工作量', '需求变更较多，缺少严格的变更控制', '第三方接口协调耗时超出预期', '验收标准在合同中描述不够具体'];
const LESSONS = ['数据迁移应在方案阶段单独评估工作量并列入预算', '合同中应明确验收标准与验收流程', '变更须走书面变更流程，评估对工期与预算的影响', '关键岗位应设置 AB 角，降低人员变动风险', '尽早搭建与生产一致的测试环境'];
const ASSETS = ['数据迁移脚本模板', '接口联调检查清单', '用户培训课件', '项目周报模板', '性能测试方案'];

export function retrospective(rng: Random) {
  const few = (list: readonly string[]) => [...new Set([rng.pick(list), rng.pick(list)])].join('；') + '。';
  return { wentWell: few(WELL), wentWrong: few(WRONG), lessons: few(LESSONS), reusableAssets: few(ASSETS) };
}
