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

/**
 * Errors raised by Fastify and its plugins, in the API's own shape: status, code and (for input
 * the client can correct) the field it concerns. Their messages are never sent: they echo input.
 */
const FRAMEWORK_CODES: Record<string, [status: number, code: string, field?: [path: string, key: string]]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'VALIDATION_FAILED', ['_', 'field.invalidFormat']],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'VALIDATION_FAILED', ['_', 'field.invalidFormat']],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'VALIDATION_FAILED', ['_', 'field.invalidFormat']],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_BAD_URL: [400, 'VALIDATION_FAILED', ['_', 'field.invalidFormat']],
  FST_ERR_MAX_PARAM_LENGTH: [400, 'VALIDATION_FAILED', ['_', 'field.invalidFormat']],
  FST_REQ_FILE_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_FILES_LIMIT: [400, 'VALIDATION_FAILED', ['file', 'field.oneFileOnly']],
  FST_PARTS_LIMIT: [400, 'VALIDATION_FAILED', ['_', 'field.tooManyParts']],
  FST_FIELDS_LIMIT: [400, 'VALIDATION_FAILED', ['_', 'field.tooManyParts']],
  FST_PROTO_VIOLATION: [400, 'VALIDATION_FAILED', ['_', 'field.invalidFormat']],
  FST_INVALID_JSON_FIELD_ERROR: [400, 'VALIDATION_FAILED', ['_', 'field.invalidFormat']],
  FST_MP_PREMATURE_CLOSE: [400, 'VALIDATION_FAILED', ['_', 'field.invalidFormat']],
};

/** Any other client error keeps its status under one of the API's codes. */
function codeForStatus(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'ROUTE_NOT_FOUND';
  if (status === 405) return 'ROUTE_NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  return 'VALIDATION_FAILED';
}

export function errorHandler(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(req);
  if (err instanceof AppError) {
    if (typeof err.params?.retryAfterSeconds === 'number') reply.header('retry-after', String(err.params.retryAfterSeconds));
    return sendError(reply, locale, err.status, err.code, err.fields, err.params?.translated === true);
  }
  // A unique index caught what a service did not check first: a conflict, not a crash.
  if (isUniqueViolation(err)) return sendError(reply, locale, 409, 'DUPLICATE');
  const code = (err as FastifyError).code;
  const mapped = code ? FRAMEWORK_CODES[code] : undefined;
  if (mapped) {
    const [status, apiCode, field] = mapped;
    return sendError(reply, locale, status, apiCode, field ? { [field[0]]: field[1] } : undefined);
  }
  if (err instanceof SyntaxError || err instanceof RangeError) {
    return sendError(reply, locale, 400, 'VALIDATION_FAILED', { _: 'field.invalidFormat' });
  }
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    const apiCode = codeForStatus(status);
    return sendError(reply, locale, status, apiCode, apiCode === 'VALIDATION_FAILED' ? { _: 'field.invalidFormat' } : undefined);
  }
  req.log.error({ err }, 'unhandled error');
  return sendError(reply, locale, 500, 'INTERNAL');
}
