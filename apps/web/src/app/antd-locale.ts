import type { Locale as AntdLocale } from 'antd/es/locale';
import antdZhCN from 'antd/es/locale/zh_CN';
import antdZhTW from 'antd/es/locale/zh_TW';
import antdEnUS from 'antd/es/locale/en_US';
import { enUSIntl, zhCNIntl, zhTWIntl } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import 'dayjs/locale/en';
import type { Locale } from '@domain/shared/locale.js';

type ProIntl = typeof zhCNIntl;

const TABLE: Record<Locale, { antd: AntdLocale; dayjs: string; pro: ProIntl }> = {
  'zh-CN': { antd: antdZhCN, dayjs: 'zh-cn', pro: zhCNIntl },
  'zh-TW': { antd: antdZhTW, dayjs: 'zh-tw', pro: zhTWIntl },
  'en-US': { antd: antdEnUS, dayjs: 'en', pro: enUSIntl },
};

/** antd, ProComponents and dayjs follow the UI language together. */
export function componentLocale(locale: Locale): { antd: AntdLocale; pro: ProIntl } {
  const entry = TABLE[locale];
  dayjs.locale(entry.dayjs);
  return { antd: entry.antd, pro: entry.pro };
}
