import { localDate } from '@domain/settings/settings.rules.js';
import { translate } from '@domain/i18n/messages.js';
import { fieldErrors, invalid } from '../../platform/http/errors.js';
import type { Deps, RequestMeta } from '../../platform/context.js';

/** Today's date in the server's time zone, from the injected clock. */
export function todayOf(deps: Pick<Deps, 'now'>): string {
  return localDate(deps.now());
}

/** 400 naming each given date that lies after today (actual dates, receipts, payments cannot). */
export function refuseFutureDates(dates: Record<string, string | null | undefined>, today: string): void {
  const fields: Record<string, string> = {};
  for (const [path, date] of Object.entries(dates)) if (date && date > today) fields[path] = 'field.dateInFuture';
  if (Object.keys(fields).length) throw invalid(fields);
}

/** An error whose field messages take parameters, translated in the request's language. */
export function errorWith(meta: RequestMeta, status: number, code: string, fields: Record<string, [string, Record<string, unknown>?]>) {
  return fieldErrors(status, code, (key, params) => translate(meta.locale, key, params), fields);
}

/** Yuan with two decimals, for messages. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
