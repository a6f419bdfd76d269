import i18n, { currentLocale } from './i18n';

export type FieldErrors = Record<string, string>;
type ErrorBody = { error?: { code?: unknown; message?: unknown; fields?: unknown } };

/** An error answered by the API (`{error:{code,message,fields?}}`) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export type ListPage<T> = { items: T[]; total: number; page: number; pageSize: number };

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in request answers 401 (session expired or ended elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function buildQuery(params?: QueryParams): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A random key that works outside secure contexts too (crypto.randomUUID needs HTTPS). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function stringFields(value: unknown): FieldErrors | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out: FieldErrors = {};
  for (const [key, text] of Object.entries(value)) if (typeof text === 'string') out[key] = text;
  return Object.keys(out).length > 0 ? out : undefined;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = null;
  }
  const error = body?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(res.status, error.code, error.message, stringFields(error.fields));
  }
  return new ApiError(res.status, `HTTP_${res.status}`, i18n.t('errors.generic', { status: res.status }));
}

const SESSION_PROBES = new Set(['/api/auth/login', '/api/auth/me']);

type RequestOptions = { body?: unknown; query?: QueryParams; signal?: AbortSignal; idempotencyKey?: string };

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(`${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (res.status === 401 && !SESSION_PROBES.has(path)) unauthorizedHandler?.();
  if (!res.ok) throw await toApiError(res);
  return res;
}

export async function apiRequest<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body: unknown = {}, idempotencyKey?: string) => apiRequest<T>('POST', path, { body, idempotencyKey }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
};

/** Uploads one file as multipart/form-data (field `file`), e.g. to /api/attachments. */
export function apiUpload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return apiRequest<T>('POST', path, { body: form });
}

function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** Downloads a file the API streams (e.g. an .xlsx export) in the current UI language. */
export async function apiDownload(path: string, query: QueryParams, fallbackName: string): Promise<void> {
  const res = await send('GET', path, { query });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(res, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
