import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { pickLocale, type Locale } from '@domain/shared/locale.js';
import { translate } from '@domain/i18n/messages.js';
import { AppError, isUniqueViolation } from './errors.js';

export function localeOf(req: FastifyRequest): Locale {
  return pickLocale(req.headers['accept-language']);
}

export function sendError(reply: FastifyReply, locale: Locale, status: number, code: string, fields?: Record<string, string>, translated = false) {
  const body: { error: { code: string; message: string; fields?: Record<string, string> } } = {
    error: { code, message: translate(locale, code) },
  };
  if (fields && Object.keys(fields).length > 0) {
    body.error.fields = translated ? fields : Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, translate(locale, v)]));
  }
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'VALIDATION_FAILED'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'VALIDATION_FAILED'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'VALIDATION_FAILED'],
  FST_REQ_FILE_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
};

export function errorHandler(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(req);
  if (err instanceof AppError) {
    return sendError(reply, locale, err.status, err.code, err.fields, err.params?.translated === true);
  }
  // A unique index caught what a service did not check first: a conflict, not a crash.
  if (isUniqueViolation(err)) return sendError(reply, locale, 409, 'DUPLICATE');
  const code = (err as FastifyError).code;
  const mapped = code ? FASTIFY_CODES[code] : undefined;
  if (mapped) {
    const fields = mapped[1] === 'VALIDATION_FAILED' ? { _: 'field.invalidFormat' } : undefined;
    return sendError(reply, locale, mapped[0], mapped[1], fields);
  }
  if (err instanceof SyntaxError || err instanceof RangeError) {
    return sendError(reply, locale, 400, 'VALIDATION_FAILED', { _: 'field.invalidFormat' });
  }
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return sendError(reply, locale, status, status === 429 ? 'RATE_LIMITED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED');
  }
  req.log.error({ err }, 'unhandled error');
  return sendError(reply, locale, 500, 'INTERNAL');
}
