import { z } from 'zod';
import { LIMITS, versionField } from '../shared/common.schema.js';

const int = z.number().int();
const text = z.string().trim().max(LIMITS.text);

/** [3.3.4] what went well, what went wrong, lessons, reusable assets; required to close. */
export const retrospectiveUpsertSchema = z.strictObject({
  /** The version being replaced; absent for the first save. */
  version: versionField.optional(),
  wentWell: text.min(1),
  wentWrong: text.min(1),
  lessons: text.min(1),
  reusableAssets: text.default(''),
});

export const retrospectiveSchema = z.object({
  id: int,
  version: int,
  projectId: int,
  wentWell: z.string(),
  wentWrong: z.string(),
  lessons: z.string(),
  reusableAssets: z.string(),
  authorId: int,
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RetrospectiveDto = z.infer<typeof retrospectiveSchema>;

export const LESSON_FIELDS = ['wentWell', 'wentWrong', 'lessons', 'reusableAssets'] as const;

/** The knowledge base: retrospectives of closed projects; any 2+ character substring finds them. */
export const lessonSearchQuery = z.strictObject({
  q: z.string().trim().min(2).max(LIMITS.short).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const lessonSchema = z.object({
  retrospectiveId: int,
  projectId: int,
  projectCode: z.string(),
  projectName: z.string(),
  customerName: z.string(),
  pmName: z.string(),
  closedAt: z.string().nullable(),
  wentWell: z.string(),
  wentWrong: z.string(),
  lessons: z.string(),
  reusableAssets: z.string(),
  snippets: z.array(z.object({ field: z.enum(LESSON_FIELDS), text: z.string() })),
  updatedAt: z.string(),
});
export type LessonDto = z.infer<typeof lessonSchema>;
