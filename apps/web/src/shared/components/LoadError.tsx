import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';

type Props = { error: unknown; onRetry?: () => void };

/** A failed load: what went wrong and a retry button. */
export function LoadError({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError ? error.message : t('errors.network');
  return (
    <Result
      status="warning"
      title={t('errors.loadFailed')}
      subTitle={detail}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
