/** An error the API answers with its own status and code; `fields` hold i18n keys per field path. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields?: Record<string, string>,
    readonly params?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND');
export const forbidden = () => new AppError(403, 'FORBIDDEN');
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED');
export const versionConflict = () => new AppError(409, 'VERSION_CONFLICT');
export const invalidTransition = (params?: Record<string, unknown>) => new AppError(409, 'INVALID_TRANSITION', undefined, params);
export const invalid = (fields: Record<string, string>) => new AppError(400, 'VALIDATION_FAILED', fields);
export const duplicate = (fields: Record<string, string>) => new AppError(409, 'DUPLICATE', fields);

/** Both drivers report unique violations differently; this recognises either. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return !!e && (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/** Field errors whose messages need parameters, translated now in the request's language. */
export function fieldErrors(status: number, code: string, translateFn: (key: string, params?: Record<string, unknown>) => string, fields: Record<string, [string, Record<string, unknown>?]>) {
  return new AppError(status, code, Object.fromEntries(Object.entries(fields).map(([k, [key, params]]) => [k, translateFn(key, params)])), { translated: true });
}
