import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

/** A page that crashed while rendering: say so and offer a reload instead of a blank screen. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : undefined;
  // A tab opened before an update asks for page files that no longer exist.
  const stale = detail !== undefined && /dynamically imported module|Importing a module script failed/i.test(detail);
  return (
    <Result
      status={stale ? 'info' : 'error'}
      title={stale ? t('errors.updatedTitle') : t('errors.title')}
      subTitle={stale ? t('errors.updatedBody') : detail}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
