import { INDUSTRIES } from '../../packages/domain/src/sales/customer.schema.js';
import { withUsccCheck } from '../../packages/domain/src/sales/uscc.rules.js';
import type { Random } from '../lib/random.js';

export type Industry = (typeof INDUSTRIES)[number];

/** Cities with their administrative division code (the 6 digits in a USCC) and a district. */
const CITIES: Record<string, readonly (readonly [string, string, string])[]> = {
  华东: [['上海', '310115', '浦东新区'], ['杭州', '330106', '西湖区'], ['苏州', '320505', '虎丘区'], ['南京', '320105', '建邺区'], ['宁波', '330212', '鄞州区'], ['无锡', '320214', '新吴区'], ['合肥', '340104', '蜀山区'], ['济南', '370102', '历下区']],
  华南: [['广州', '440106', '天河区'], ['深圳', '440305', '南山区'], ['东莞', '441900', '松山湖'], ['佛山', '440606', '顺德区'], ['厦门', '350206', '湖里区'], ['珠海', '440402', '香洲区']],
  华北: [['北京', '110108', '海淀区'], ['天津', '120116', '滨海新区'], ['石家庄', '130102', '长安区'], ['太原', '140105', '小店区'], ['青岛', '370212', '崂山区']],
  政企: [['北京', '110102', '西城区'], ['南京', '320102', '玄武区'], ['杭州', '330102', '上城区'], ['成都', '510104', '锦江区']],
  华中: [['武汉', '420111', '洪山区'], ['长沙', '430104', '岳麓区'], ['郑州', '410105', '金水区'], ['南昌', '360111', '青山湖区']],
  西南: [['成都', '510107', '武侯区'], ['重庆', '500112', '渝北区'], ['昆明', '530112', '西山区'], ['贵阳', '520115', '观山湖区']],
  西北: [['西安', '610113', '雁塔区'], ['兰州', '620102', '城关区'], ['银川', '640104', '兴庆区'], ['乌鲁木齐', '650106', '头屯河区']],
  金融: [['上海', '310101', '黄浦区'], ['北京', '110102', '金融街'], ['深圳', '440304', '福田区'], ['杭州', '330104', '钱江新城']],
};
const OTHER_CITIES = CITIES['华东']!;

const BRAND_CHARS = '华信联创恒泰通达中科宏远鼎盛嘉禾瑞丰安顺金海天成志诚润德博远凯源东方正元新宇合力永新明辉鑫隆汇智锦程国泰盛世英华广和同益远航立信长青卓越荣昌兴业弘毅';
const INDUSTRY_WORDS: Record<Industry, readonly string[]> = {
  manufacturing: ['精密制造', '机械', '汽车零部件', '电子科技', '新材料', '装备制造'],
  it: ['信息技术', '软件', '网络科技', '数据科技', '智能科技', '云计算'],
  finance: ['银行', '保险', '证券', '融资租赁', '资产管理', '信托'],
  retail: ['商贸', '连锁超市', '电子商务', '百货', '供应链', '品牌管理'],
  energy: ['能源', '电力', '新能源', '燃气', '石化', '光伏科技'],
  healthcare: ['医疗器械', '医药', '健康科技', '生物科技', '医院管理', '药业'],
  education: ['教育科技', '培训学校', '职业教育', '文化教育', '出版', '在线教育'],
  government: ['城市建设投资', '公共资源交易中心', '大数据管理局', '政务服务中心', '交通投资', '水务'],
  logistics: ['物流', '供应链管理', '快运', '国际货运', '仓储', '港务'],
  construction: ['建设工程', '建筑设计', '市政工程', '装饰工程', '路桥', '房地产开发'],
  media: ['传媒', '文化传播', '广告', '影视', '数字出版', '会展'],
  other: ['实业', '服务', '控股', '发展', '咨询', '贸易'],
};
const SUFFIXES = ['有限公司', '有限公司', '有限公司', '股份有限公司', '集团有限公司', '有限责任公司'];

export type CompanyName = { name: string; short: string; city: string; district: string; division: string };

/** A plausible company name for the industry and region, e.g. 苏州恒泰精密制造有限公司. */
export function companyName(rng: Random, industry: Industry, region: string, variant: number): CompanyName {
  const [city, division, district] = rng.pick(CITIES[region] ?? OTHER_CITIES);
  const brand = rng.pick([...BRAND_CHARS]) + rng.pick([...BRAND_CHARS]);
  const word = rng.pick(INDUSTRY_WORDS[industry]);
  const branch = variant > 0 ? `${rng.pick(['第一', '第二', '第三', '华东', '华南', '北方', '西部'])}分公司${variant > 1 ? variant : ''}` : '';
  const suffix = industry === 'government' ? '' : rng.pick(SUFFIXES);
  return { name: `${city}${brand}${word}${suffix}${branch}`, short: `${brand}${word.slice(0, 2)}`, city, district, division };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code; `serial` makes it unique within the dataset. */
export function uscc(rng: Random, division: string, serial: number, government: boolean): string {
  let org = '';
  let n = serial * 7919 + rng.int(0, 7918);
  for (let i = 0; i < 8; i++) {
    org = USCC_CHARS[n % 31]! + org;
    n = Math.floor(n / 31);
  }
  const head = government ? '11' : '91';
  return withUsccCheck(`${head}${division}${org}${USCC_CHARS[rng.int(0, 30)]}`);
}

const ROADS = ['科技路', '建设大道', '人民路', '中山路', '创新大道', '高新路', '滨江路', '解放路', '软件园路', '金融街'];
export function address(rng: Random, c: CompanyName): string {
  return `${c.city}市${c.district}${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.chance(0.5) ? `${rng.pick(['A', 'B', 'C', ''])}座${rng.int(2, 28)}层` : ''}`;
}

export const CONTACT_TITLES = ['总经理', '副总经理', '信息中心主任', 'IT 负责人', '采购经理', '财务总监', '技术总监', '运营总监', '项目经理', '办公室主任'];

const PROJECT_KINDS: Record<Industry, readonly string[]> = {
  manufacturing: ['MES 系统升级', '设备联网与数据采集', '质量追溯平台', 'ERP 实施', '智能仓储改造'],
  it: ['研发管理平台', 'DevOps 工具链建设', '数据中台建设', '信息安全等保整改', '云迁移'],
  finance: ['信贷风控系统', '核心系统外围改造', '监管报送平台', '客户营销平台', '反洗钱系统优化'],
  retail: ['会员营销系统', '门店数字化', '供应链协同平台', '全渠道订单中心', 'BI 报表建设'],
  energy: ['能耗监测平台', '安全生产管理系统', '设备巡检移动化', '调度数据平台', '光伏运维系统'],
  healthcare: ['医院信息集成平台', '耗材追溯系统', '互联网医院', '临床数据中心', '药品流通管理'],
  education: ['智慧校园平台', '在线学习平台', '教务管理系统升级', '招生数据分析', '实训平台建设'],
  government: ['一网通办平台', '政务数据共享交换', '城市运行监测平台', '电子档案系统', '数字政府咨询'],
  logistics: ['TMS 运输管理', 'WMS 仓储管理', '车辆调度平台', '物流可视化', '关务系统对接'],
  construction: ['智慧工地平台', '项目成本管理系统', 'BIM 协同平台', '劳务实名制系统', '材料采购平台'],
  media: ['内容管理平台', '新媒体运营中台', '版权管理系统', '广告投放分析', '会展管理系统'],
  other: ['OA 协同办公', '人力资源系统', '财务共享中心', '数据治理咨询', '信息化规划'],
};

export function projectKind(rng: Random, industry: Industry): string {
  return rng.pick(PROJECT_KINDS[industry]);
}

const NEEDS = [
  '现有系统老旧，业务部门反映效率低', '需要与现有 ERP、OA 系统打通', '管理层希望看到实时经营数据',
  '年内需通过上级检查验收', '希望分期建设，先上线核心功能', '需支持移动端审批与查询',
  '数据分散在多个系统，口径不统一', '对信息安全与国产化有明确要求', '预算已列入年度计划',
  '客户希望由我方提供驻场实施', '需要配套培训与运维服务', '计划在下季度启动招标',
];
export function needsText(rng: Random, n = 3): string {
  const out = new Set<string>();
  while (out.size < n) out.add(rng.pick(NEEDS));
  return `${[...out].join('；')}。`;
}

export const REJECT_REASONS = ['不在公司业务范围内', '客户预算明显不足', '与公司战略方向不符', '重复登记，已有同一需求的线索', '客户资信存在风险', '交付周期无法满足'];
export const DECLINE_REASONS = ['客户选择了报价更低的供应商', '客户预算被削减，项目暂缓', '客户内部决策调整', '技术路线与客户要求不一致', '竞争对手提供了现成产品'];
export const RETURN_COMMENTS = ['预算测算依据不足，请补充明细', '里程碑安排过紧，请重新评估', '请补充风险与假设条件', '报价高于同类项目，请复核', '工作内容描述不清晰'];

export const MILESTONE_NAMES = ['需求调研与方案设计', '系统开发与配置', '系统集成与测试', '上线试运行', '培训与验收'];
export const DELIVERABLES = ['需求规格说明书', '系统设计文档', '测试报告', '上线报告', '培训材料与验收报告'];
export const BUDGET_ITEMS = ['人力成本', '差旅费', '软件许可', '硬件采购', '外包服务', '培训费', '管理费'];

export function goalsText(rng: Random, kind: string): string {
  return `通过${kind}，${rng.pick(['提升业务处理效率 30% 以上', '实现关键数据的实时可视', '支撑未来三年的业务增长', '满足监管与审计要求', '降低运维成本'])}，${rng.pick(['并为后续数字化建设打下基础', '形成可复制的标准化方案', '实现与现有系统的无缝集成'])}。`;
}

export function workContentText(rng: Random, kind: string): string {
  return [`1. 开展${kind}的需求调研，梳理现有业务流程；`, `2. 完成系统设计、开发与配置，${rng.pick(['交付核心功能模块', '完成数据迁移', '完成接口开发'])}；`, '3. 组织系统测试与用户验收测试；', '4. 提供上线支持、用户培训与一年运维服务。'].join('\n');
}

export const ASSUMPTIONS = ['客户提供必要的办公场地与网络环境；需求在设计阶段确认后冻结，后续变更走变更流程。', '第三方系统接口文档由客户协调提供；报价不含硬件。', '客户指定专人对接，每周召开一次项目例会。'];

export const CONTRACT_TERMS = '一、乙方按合同约定的范围与进度交付成果，甲方按付款计划支付合同款。\n二、交付成果经甲方验收合格后，乙方提供十二个月免费维护。\n三、双方对合作中知悉的商业秘密负有保密义务。\n四、因一方违约造成损失的，违约方承担相应赔偿责任。';

export const OUR_COMPANY = '云影信息技术有限公司';
