import { POLICY_DEFAULTS } from '@domain/policies/policy.defaults.js';

const MB = 1024 * 1024;

/**
 * Server-wide ceilings for multipart requests (@fastify/multipart). The file size a request may
 * actually send is the `files.maxUploadMb` policy in force, applied per request; this ceiling
 * is the largest value that policy accepts.
 */
export const MULTIPART_OPTIONS = {
  limits: {
    fileSize: (POLICY_DEFAULTS['files.maxUploadMb'].schema.maxValue ?? 200) * MB,
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
