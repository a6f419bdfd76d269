import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LOCALES, currentLocale, setLocale, type Locale } from '../../app/i18n';

/** zh-CN / zh-TW / en-US, remembered on this device. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: t(`language.${l}`) })),
        onClick: ({ key }) => void setLocale(key as Locale),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('language.label')} data-testid="language-switch">
        {!compact && t(`language.${locale}`)}
      </Button>
    </Dropdown>
  );
}
