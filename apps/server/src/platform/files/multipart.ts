import { SETTING_DEFAULTS } from '@domain/settings/settings.defaults.js';

const MB = 1024 * 1024;

/**
 * Server-wide ceilings for multipart requests (@fastify/multipart). The file size a request may
 * actually send is the `files.maxUploadMb` setting in force, applied per request; this ceiling
 * is the largest value that setting accepts.
 */
export const MULTIPART_OPTIONS = {
  limits: {
    fileSize: (SETTING_DEFAULTS['files.maxUploadMb'].schema.maxValue ?? 200) * MB,
    files: 1,
    fields: 10,
    fieldSize: 1024,
    parts: 12,
    headerPairs: 100,
  },
};

export function megabytes(mb: number): number {
  return mb * MB;
}
