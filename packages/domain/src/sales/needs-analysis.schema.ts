import { z } from 'zod';
import { LIMITS, requiredShortText } from '../shared/common.schema.js';

export const PRIORITIES = ['must', 'should', 'could'] as const;
const fen = z.number().int().min(0).max(1e13);

/** 《客戶需求分析報告》 */
export const needsAnalysisInputSchema = z
  .strictObject({
    background: z.string().trim().min(1).max(LIMITS.long),
    requirements: z
      .array(z.strictObject({ item: requiredShortText.max(200), priority: z.enum(PRIORITIES), note: z.string().max(LIMITS.medium).optional() }))
      .min(1)
      .max(100),
    expectations: z.string().max(LIMITS.long).default(''),
    constraints: z.string().max(LIMITS.long).default(''),
    budgetMinFen: fen.optional(),
    budgetMaxFen: fen.optional(),
    decisionMakers: z.string().max(LIMITS.medium).default(''),
    timeline: z.string().max(LIMITS.medium).default(''),
  })
  .refine((v) => v.budgetMinFen === undefined || v.budgetMaxFen === undefined || v.budgetMinFen <= v.budgetMaxFen, {
    message: 'field.rangeOrder',
    path: ['budgetMaxFen'],
  });
export type NeedsAnalysisInput = z.infer<typeof needsAnalysisInputSchema>;

export const needsAnalysisSchema = z.object({
  leadId: z.number().int(),
  versionNo: z.number().int(),
  content: z.object({
    background: z.string(),
    requirements: z.array(z.object({ item: z.string(), priority: z.enum(PRIORITIES), note: z.string().optional() })),
    expectations: z.string(),
    constraints: z.string(),
    budgetMinFen: z.number().int().optional(),
    budgetMaxFen: z.number().int().optional(),
    decisionMakers: z.string(),
    timeline: z.string(),
  }),
  authorId: z.number().int(),
  authorName: z.string(),
  createdAt: z.string(),
});
export type NeedsAnalysisDto = z.infer<typeof needsAnalysisSchema>;
