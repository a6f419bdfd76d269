import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';

/**
 * Template item and dimension names are data (HR may rename them); the built-in ones have a
 * translation by key, anything else shows as stored.
 */
export function useNames() {
  const loose = useLooseTranslation();
  const { t } = useTranslation();
  const itemName = useCallback((key: string, stored: string) => loose(`appraisal.item.${key}`, stored), [loose]);
  const dimensionName = useCallback((key: string, stored: string) => loose(`appraisal.dimension.${key}`, stored), [loose]);
  const cycleLabel = useCallback((type: 'monthly' | 'annual', period: string) => t('appraisal.cycleLabel', { period, type: t(`appraisal.type.${type}`) }), [t]);
  return { itemName, dimensionName, cycleLabel };
}
