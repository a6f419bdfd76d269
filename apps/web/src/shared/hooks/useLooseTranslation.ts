import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Translates a key that comes from data (a permission, an audit action) rather than code:
 * known keys are translated, unknown ones fall back to the given text.
 */
export function useLooseTranslation(): (key: string, fallback: string) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (key: string, fallback: string) => {
      if (!i18n.exists(key)) return fallback;
      const text: unknown = (i18n.t as (k: string) => unknown)(key);
      return typeof text === 'string' ? text : fallback;
    },
    // i18n.language makes the callback (and what uses it) change when the language does.
    [i18n, i18n.language],
  );
}
