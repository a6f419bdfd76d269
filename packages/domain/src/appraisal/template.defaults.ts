import type { TemplateDimension } from './template.schema.js';

type Item = TemplateDimension['items'][number];
const item = (key: string, name: string, weight: number, source: Item['source'], description: string): Item => ({ key, name, weight, source, description });

/**
 * [4.3] results 60 % (business KPIs: sales, profit, market share; project completion: quality,
 * schedule, cost; customer satisfaction), ability 30 %, attitude 10 %. The item weights inside
 * each dimension are this design's reading of "specific indicators"; HR edits them as a new version.
 */
const results: TemplateDimension = {
  key: 'results',
  name: '工作业绩',
  weight: 60,
  items: [
    item('sales', '销售额完成情况', 25, 'sales', '本期签订合同金额 ÷ 销售目标'),
    item('profit', '利润额完成情况', 15, 'profit', '本期利润实际值 ÷ 利润目标'),
    item('marketShare', '市场份额', 10, 'marketShare', '市场份额实际值 ÷ 目标值'),
    item('projectQuality', '项目完成质量', 10, 'projectQuality', '验收一次通过率'),
    item('projectSchedule', '项目进度', 10, 'projectSchedule', '里程碑按期完成率'),
    item('projectCost', '项目成本控制', 10, 'projectCost', '实际成本相对预算的偏差'),
    item('customerSatisfaction', '客户满意度', 20, 'satisfaction', '回访与客户评价的满意度评分'),
  ],
};

const ability: TemplateDimension = {
  key: 'ability',
  name: '工作能力',
  weight: 30,
  items: [
    item('knowledge', '专业知识与技能', 25, 'manual', '专业知识和业务技能水平，能否熟练运用解决问题'),
    item('communication', '沟通协调能力', 25, 'manual', '与团队成员、客户之间有效传达信息、协调工作、解决矛盾'),
    item('learning', '学习能力', 25, 'manual', '学习积极性，能否不断学习新知识、新技能'),
    item('problemSolving', '问题解决能力', 25, 'manual', '能否迅速找到问题根源并采取有效措施'),
  ],
};

const attitude: TemplateDimension = {
  key: 'attitude',
  name: '工作态度',
  weight: 10,
  items: [
    item('responsibility', '责任心', 25, 'manual', '能否按时、高质量地完成工作任务'),
    item('teamwork', '团队合作精神', 25, 'manual', '能否积极配合团队成员，共同完成工作任务'),
    item('initiative', '工作积极性', 25, 'manual', '能否主动承担工作任务，积极推动工作进展'),
    item('discipline', '遵守纪律情况', 25, 'discipline', '按时出勤、遵守工作纪律（考勤记录）'),
  ],
};

/**
 * The templates a fresh installation starts from, stored as version 1 the first time a cycle of
 * the type opens. The regulation gives both cycles the same content [4.3]; they are versioned apart.
 */
export const DEFAULT_TEMPLATES = {
  monthly: { name: '月度绩效考核模板', dimensions: [results, ability, attitude] },
  annual: { name: '年度绩效考核模板', dimensions: [results, ability, attitude] },
} as const satisfies Record<'monthly' | 'annual', { name: string; dimensions: TemplateDimension[] }>;
