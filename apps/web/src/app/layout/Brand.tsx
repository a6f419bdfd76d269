import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';

/** The logo mark and name at the top of the menu. */
export function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className="brand" aria-label={t('app.brandFull')}>
      <span className="brand-mark">运</span>
      {!collapsed && (
        <span className="brand-text">
          {t('app.brand')}
          {currentLocale() !== 'en-US' && <small>Yunying</small>}
        </span>
      )}
    </Link>
  );
}
