import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Days behind (red) or ahead of the planned end, or on time. */
export function VarianceText({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return <>—</>;
  if (days > 0) return <Typography.Text type="danger">{t('delivery.milestone.late', { count: days })}</Typography.Text>;
  if (days < 0) return <Typography.Text type="success">{t('delivery.milestone.early', { count: -days })}</Typography.Text>;
  return <Typography.Text>{t('delivery.milestone.onTime')}</Typography.Text>;
}
