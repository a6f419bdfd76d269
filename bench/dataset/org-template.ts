import type { Role } from '../../packages/domain/src/shared/roles.js';

export type DepartmentTemplate = {
  code: string;
  name: string;
  kind: 'business' | 'marketing' | 'hr' | 'finance' | 'leadership' | 'other';
  parent: string | null;
  /** Region of a business group: the business area of the people in it. */
  region?: string;
  description: string;
};

/**
 * The department tree, ordered so that any prefix keeps parents before children:
 * size S takes the first 7, M the first 15, L all 30.
 */
export const DEPARTMENTS: readonly DepartmentTemplate[] = [
  { code: 'LEAD', name: '公司领导', kind: 'leadership', parent: null, description: '公司经营决策与审批' },
  { code: 'BIZ', name: '业务部', kind: 'business', parent: 'LEAD', description: '负责业务承接、执行与交付' },
  { code: 'BIZ-1', name: '业务一部（华东）', kind: 'business', parent: 'BIZ', region: '华东', description: '华东区域客户开拓与项目交付' },
  { code: 'BIZ-2', name: '业务二部（华南）', kind: 'business', parent: 'BIZ', region: '华南', description: '华南区域客户开拓与项目交付' },
  { code: 'MKT', name: '市场部', kind: 'marketing', parent: 'LEAD', description: '品牌推广、渠道拓展与线索获取' },
  { code: 'HR', name: '人力资源部', kind: 'hr', parent: 'LEAD', description: '招聘、绩效考核与培训发展' },
  { code: 'FIN', name: '财务部', kind: 'finance', parent: 'LEAD', description: '费用报销、回款确认与核算' },
  { code: 'BIZ-3', name: '业务三部（华北）', kind: 'business', parent: 'BIZ', region: '华北', description: '华北区域客户开拓与项目交付' },
  { code: 'BIZ-4', name: '业务四部（政企）', kind: 'business', parent: 'BIZ', region: '政企', description: '政府与国企客户' },
  { code: 'BIZ-1-1', name: '华东一组（上海）', kind: 'business', parent: 'BIZ-1', region: '华东', description: '上海及周边客户' },
  { code: 'BIZ-1-2', name: '华东二组（杭州）', kind: 'business', parent: 'BIZ-1', region: '华东', description: '浙江区域客户' },
  { code: 'ADM', name: '行政部', kind: 'other', parent: 'LEAD', description: '行政后勤与采购' },
  { code: 'IT', name: '信息技术部', kind: 'other', parent: 'LEAD', description: '信息系统建设与运维' },
  { code: 'BIZ-2-1', name: '华南一组（广州）', kind: 'business', parent: 'BIZ-2', region: '华南', description: '广州及珠三角西岸客户' },
  { code: 'BIZ-2-2', name: '华南二组（深圳）', kind: 'business', parent: 'BIZ-2', region: '华南', description: '深圳及珠三角东岸客户' },
  { code: 'BIZ-5', name: '业务五部（华中）', kind: 'business', parent: 'BIZ', region: '华中', description: '华中区域客户开拓与项目交付' },
  { code: 'BIZ-6', name: '业务六部（西南）', kind: 'business', parent: 'BIZ', region: '西南', description: '西南区域客户开拓与项目交付' },
  { code: 'BIZ-7', name: '业务七部（西北）', kind: 'business', parent: 'BIZ', region: '西北', description: '西北区域客户开拓与项目交付' },
  { code: 'BIZ-8', name: '业务八部（金融）', kind: 'business', parent: 'BIZ', region: '金融', description: '银行、保险与证券客户' },
  { code: 'BIZ-3-1', name: '华北一组（北京）', kind: 'business', parent: 'BIZ-3', region: '华北', description: '北京客户' },
  { code: 'BIZ-3-2', name: '华北二组（天津）', kind: 'business', parent: 'BIZ-3', region: '华北', description: '天津、河北客户' },
  { code: 'BIZ-4-1', name: '政企大客户组', kind: 'business', parent: 'BIZ-4', region: '政企', description: '省部级及大型国企' },
  { code: 'BIZ-8-1', name: '金融行业组', kind: 'business', parent: 'BIZ-8', region: '金融', description: '城商行与保险公司' },
  { code: 'MKT-1', name: '品牌推广组', kind: 'marketing', parent: 'MKT', description: '品牌、展会与内容' },
  { code: 'MKT-2', name: '渠道拓展组', kind: 'marketing', parent: 'MKT', description: '合作伙伴与渠道线索' },
  { code: 'HR-1', name: '招聘组', kind: 'hr', parent: 'HR', description: '校园与社会招聘' },
  { code: 'HR-2', name: '培训发展组', kind: 'hr', parent: 'HR', description: '培训计划与职业发展' },
  { code: 'FIN-1', name: '会计核算组', kind: 'finance', parent: 'FIN', description: '凭证、报表与税务' },
  { code: 'FIN-2', name: '资金管理组', kind: 'finance', parent: 'FIN', description: '收付款与资金计划' },
  { code: 'LEGAL', name: '法务合规部', kind: 'other', parent: 'LEAD', description: '合同审核与合规管理' },
];

export const DEPARTMENT_COUNT = { S: 7, M: 15, L: 30 } as const;

export const TITLES: Record<Role, readonly string[]> = {
  admin: ['系统管理员'],
  leader: ['副总经理', '运营总监'],
  manager: ['业务部经理'],
  deputy: ['业务部副经理'],
  pm: ['项目经理', '高级项目经理'],
  specialist: ['业务专员', '业务专员', '高级业务专员', '业务助理'],
  hr: ['人力资源专员', '招聘专员', '培训专员', '薪酬绩效专员'],
  marketing: ['市场专员', '品牌经理', '渠道经理', '行政专员', 'IT 工程师', '法务专员'],
  finance: ['会计', '出纳', '财务专员', '成本会计'],
};
