import { z } from 'zod';
import { LIMITS, isoDate, requiredShortText, versionField } from '../shared/common.schema.js';
import { ISSUE_SEVERITIES, ISSUE_STATUSES } from './issue.machine.js';

const int = z.number().int();

export const issueCreateSchema = z.strictObject({
  title: requiredShortText,
  description: z.string().trim().min(1).max(LIMITS.long),
  severity: z.enum(ISSUE_SEVERITIES),
  ownerId: z.number().int().positive().optional(),
  dueDate: isoDate.optional(),
});

/** Raising the severity to `major` escalates the issue. */
export const issueUpdateSchema = z.strictObject({
  version: versionField,
  title: requiredShortText.optional(),
  description: z.string().trim().min(1).max(LIMITS.long).optional(),
  severity: z.enum(ISSUE_SEVERITIES).optional(),
  ownerId: z.number().int().positive().optional(),
  dueDate: isoDate.nullable().optional(),
});

export const issueEscalateSchema = z.strictObject({ reason: z.string().trim().max(LIMITS.long).optional() });

/** [3.2.3] the manager's discussion (who took part, when) and decision. */
export const issueDecideSchema = z.strictObject({
  meetingDate: isoDate,
  participants: z.string().trim().min(1).max(LIMITS.medium),
  discussion: z.string().trim().min(1).max(LIMITS.long),
  decision: z.string().trim().min(1).max(LIMITS.long),
});

export const issueCloseSchema = z.strictObject({ resolution: z.string().trim().min(1).max(LIMITS.long) });

export const issueSchema = z.object({
  id: int,
  version: int,
  projectId: int,
  projectCode: z.string(),
  projectName: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(ISSUE_SEVERITIES),
  status: z.enum(ISSUE_STATUSES),
  ownerId: int.nullable(),
  ownerName: z.string().nullable(),
  reportedBy: int,
  reportedByName: z.string(),
  dueDate: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  escalationReason: z.string().nullable(),
  meetingDate: z.string().nullable(),
  participants: z.string().nullable(),
  discussion: z.string().nullable(),
  decision: z.string().nullable(),
  decidedBy: int.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.string()),
});
export type IssueDto = z.infer<typeof issueSchema>;

export const issueListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: z.string().regex(/^[a-z_,]+$/).max(60).optional(),
  severity: z.enum(ISSUE_SEVERITIES).optional(),
});
export const issueParamsSchema = z.strictObject({ id: z.coerce.number().int().positive(), issueId: z.coerce.number().int().positive() });
