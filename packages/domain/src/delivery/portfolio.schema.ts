import { z } from 'zod';
import { PROJECT_STATUSES } from './project.machine.js';
import { ISSUE_SEVERITIES, ISSUE_STATUSES } from './issue.machine.js';
import { ageingSchema } from './project.schema.js';
import { HEALTH_LEVELS } from './health.rules.js';

const int = z.number().int();

/** The manager's portfolio dashboard: health, overdue milestones, escalations, receivables ageing. */
export const portfolioSchema = z.object({
  asOf: z.string(),
  projectCount: int,
  byStatus: z.record(z.enum(PROJECT_STATUSES), int),
  health: z.object({ green: int, amber: int, red: int, unrated: int }),
  money: z.object({ contractFen: int, budgetFen: int, spentFen: int, invoicedFen: int, receivedFen: int, outstandingFen: int, overdueFen: int }),
  receivablesAgeing: ageingSchema,
  overdueMilestones: z.array(
    z.object({ projectId: int, projectCode: z.string(), projectName: z.string(), pmName: z.string(), milestoneId: int, name: z.string(), plannedEnd: z.string(), daysLate: int }),
  ),
  escalations: z.array(
    z.object({
      projectId: int,
      projectCode: z.string(),
      projectName: z.string(),
      issueId: int,
      title: z.string(),
      severity: z.enum(ISSUE_SEVERITIES),
      status: z.enum(ISSUE_STATUSES),
      escalatedAt: z.string().nullable(),
    }),
  ),
  atRisk: z.array(
    z.object({ id: int, code: z.string(), name: z.string(), status: z.enum(PROJECT_STATUSES), pmName: z.string(), health: z.enum(HEALTH_LEVELS), percentComplete: z.number(), plannedPercent: z.number(), budgetUsagePct: z.number(), overdueFen: int }),
  ),
});
export type PortfolioDto = z.infer<typeof portfolioSchema>;
