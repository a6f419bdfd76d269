import type { Socket } from 'node:net';
import { translate } from '@domain/i18n/messages.js';
import { DEFAULT_LOCALE } from '@domain/shared/locale.js';

/**
 * A request Node's HTTP parser refused (malformed, headers too large, too slow) never reaches a
 * route: it is answered on the socket, still in the API's error shape and without echoing input.
 * Nothing of the request was parsed, so the message is in the default language.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', 'REQUEST_TIMEOUT'] : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE'] : [400, 'Bad Request', 'BAD_REQUEST'];
  const body = JSON.stringify({ error: { code, message: translate(DEFAULT_LOCALE, code) } });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
