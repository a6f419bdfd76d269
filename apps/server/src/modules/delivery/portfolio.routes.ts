import { portfolioSchema } from '@domain/delivery/portfolio.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { getPortfolio } from './portfolio.service.js';

export const portfolioRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/reports/delivery-portfolio',
    summary: 'Portfolio dashboard over the projects in my scope: health, overdue milestones, escalations, receivables ageing',
    tags: ['reports'],
    access: { permission: 'delivery-report.read' },
    response: portfolioSchema,
    handler: ({ deps, db, meta }) => getPortfolio(deps, db, meta),
  }),
];
