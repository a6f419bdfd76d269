import { z } from 'zod';
import { LIMITS, requiredShortText } from '../shared/common.schema.js';
import { attachmentSchema } from '../files/attachment.schema.js';
import { DOCUMENT_CATEGORIES } from './documents.rules.js';

const int = z.number().int();

/** [2.2.3] a document filed in the project archive; each upload of it is a new version. */
export const documentCreateSchema = z.strictObject({
  category: z.enum(DOCUMENT_CATEGORIES),
  title: requiredShortText,
  attachmentId: z.number().int().positive(),
  note: z.string().trim().max(LIMITS.medium).default(''),
});

export const documentVersionCreateSchema = z.strictObject({
  attachmentId: z.number().int().positive(),
  note: z.string().trim().max(LIMITS.medium).default(''),
});

export const documentVersionSchema = z.object({
  versionNo: int,
  note: z.string(),
  uploadedBy: int,
  uploadedByName: z.string(),
  createdAt: z.string(),
  file: attachmentSchema,
});

export const documentSchema = z.object({
  id: int,
  version: int,
  projectId: int,
  category: z.enum(DOCUMENT_CATEGORIES),
  title: z.string(),
  currentVersion: int,
  versions: z.array(documentVersionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentDto = z.infer<typeof documentSchema>;

export const documentListQuery = z.strictObject({ category: z.enum(DOCUMENT_CATEGORIES).optional() });
export const documentParamsSchema = z.strictObject({ id: z.coerce.number().int().positive(), documentId: z.coerce.number().int().positive() });
