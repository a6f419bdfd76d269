import type { ThemeConfig } from 'antd';
import type { Locale } from '@domain/shared/locale.js';

const LATIN = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial";
const CJK: Record<Locale, string> = {
  'zh-CN': "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC'",
  'zh-TW': "'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC', 'Source Han Sans TC'",
  'en-US': "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC'",
};

/** Chinese glyphs come from a font of the right script (simplified or traditional). */
export function themeFor(locale: Locale): ThemeConfig {
  return {
    token: {
      colorPrimary: '#1677ff',
      borderRadius: 6,
      fontFamily: `${LATIN}, ${CJK[locale]}, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'`,
    },
    components: {
      Layout: { headerBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56, bodyBg: '#f5f7fa', footerBg: '#f5f7fa' },
    },
  };
}
