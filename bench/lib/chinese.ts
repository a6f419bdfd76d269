import type { Random } from './random.js';

/** Common surnames with pinyin, weighted roughly by their share of the population. */
const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 72], ['李', 'li', 71], ['张', 'zhang', 67], ['刘', 'liu', 54], ['陈', 'chen', 45],
  ['杨', 'yang', 31], ['黄', 'huang', 22], ['赵', 'zhao', 20], ['吴', 'wu', 20], ['周', 'zhou', 19],
  ['徐', 'xu', 13], ['孙', 'sun', 12], ['马', 'ma', 12], ['朱', 'zhu', 11], ['胡', 'hu', 10],
  ['郭', 'guo', 10], ['何', 'he', 9], ['高', 'gao', 9], ['林', 'lin', 9], ['罗', 'luo', 8],
  ['郑', 'zheng', 8], ['梁', 'liang', 7], ['谢', 'xie', 6], ['宋', 'song', 6], ['唐', 'tang', 6],
  ['许', 'xu', 5], ['韩', 'han', 5], ['冯', 'feng', 5], ['邓', 'deng', 5], ['曹', 'cao', 5],
  ['彭', 'peng', 4], ['曾', 'zeng', 4], ['肖', 'xiao', 4], ['田', 'tian', 4], ['董', 'dong', 4],
  ['袁', 'yuan', 3], ['潘', 'pan', 3], ['于', 'yu', 3], ['蒋', 'jiang', 3], ['蔡', 'cai', 3],
  ['欧阳', 'ouyang', 1], ['司马', 'sima', 0.3],
];

const GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'],
  ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'], ['建', 'jian'], ['国', 'guo'], ['文', 'wen'], ['斌', 'bin'],
  ['婷', 'ting'], ['宇', 'yu'], ['浩', 'hao'], ['鑫', 'xin'], ['晨', 'chen'], ['欣', 'xin'], ['怡', 'yi'],
  ['子', 'zi'], ['涵', 'han'], ['梓', 'zi'], ['轩', 'xuan'], ['博', 'bo'], ['思', 'si'], ['佳', 'jia'],
  ['嘉', 'jia'], ['俊', 'jun'], ['雪', 'xue'], ['琳', 'lin'], ['晓', 'xiao'], ['海', 'hai'], ['志', 'zhi'],
  ['鹏', 'peng'], ['辉', 'hui'], ['玲', 'ling'], ['燕', 'yan'], ['红', 'hong'], ['雨', 'yu'], ['天', 'tian'],
];

export type PersonName = { name: string; pinyin: string };

export function personName(rng: Random): PersonName {
  const [surname, sp] = rng.weighted(SURNAMES.map(([s, p, w]) => [[s, p] as const, w] as const));
  const parts = rng.chance(0.72) ? [rng.pick(GIVEN), rng.pick(GIVEN)] : [rng.pick(GIVEN)];
  return { name: surname + parts.map((g) => g[0]).join(''), pinyin: sp + parts.map((g) => g[1]).join('') };
}

/** An 11-digit mainland mobile number. */
export function mobile(rng: Random): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

const WORK_ITEMS = [
  '负责区域客户的开拓与维护', '跟进重点项目的商务谈判', '组织季度经营分析会', '编制部门年度预算',
  '协调交付团队按期验收', '整理客户需求分析报告', '推进合同回款', '参与投标方案编写',
  '开展市场调研与竞品分析', '组织新员工业务培训', '完善项目文档归档', '跟踪客户满意度回访',
];

/** A short Chinese sentence built from work phrases, for descriptions and notes. */
export function workText(rng: Random, phrases = 2): string {
  const out: string[] = [];
  for (let i = 0; i < phrases; i++) out.push(rng.pick(WORK_ITEMS));
  return `${out.join('，')}。`;
}
