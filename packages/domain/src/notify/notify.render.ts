import type { Locale } from '../shared/locale.js';
import { hasMessage, translate } from '../i18n/messages.js';
import type { NotifyParams } from './notify.schema.js';

/** Parameter values written `i18n:<key>` are themselves translated (e.g. an outcome, "the system"). */
export const I18N_PARAM_PREFIX = 'i18n:';

export function notificationTitleKey(kind: string): string {
  return `notify.${kind}`;
}

/** Renders a stored notification in the reader's language. */
export function renderNotification(locale: Locale, titleKey: string, params: NotifyParams): string {
  const resolved: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    resolved[name] = typeof value === 'string' && value.startsWith(I18N_PARAM_PREFIX) ? translate(locale, value.slice(I18N_PARAM_PREFIX.length)) : value;
  }
  if (hasMessage(titleKey)) return translate(locale, titleKey, resolved);
  return String(resolved.title ?? titleKey.replace(/^notify\./, ''));
}
