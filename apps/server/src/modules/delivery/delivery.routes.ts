import { memberRoutes } from './members.routes.js';
import { planRoutes } from './plan.routes.js';
import { progressRoutes } from './progress.routes.js';
import { issueRoutes } from './issues.routes.js';
import { changeRoutes } from './changes.routes.js';
import { expenseRoutes } from './expenses.routes.js';
import { acceptanceRoutes } from './acceptance.routes.js';
import { settlementRoutes } from './settlement.routes.js';
import { documentRoutes } from './documents.routes.js';
import { retrospectiveRoutes } from './retrospective.routes.js';
import { portfolioRoutes } from './portfolio.routes.js';

/** Everything beneath a project (team, plan, progress, issues, changes, expenses, acceptance, settlement, documents, retrospective), expenses across projects, lessons, the portfolio. */
export const deliveryRoutes = [
  ...memberRoutes,
  ...planRoutes,
  ...progressRoutes,
  ...issueRoutes,
  ...changeRoutes,
  ...expenseRoutes,
  ...acceptanceRoutes,
  ...settlementRoutes,
  ...documentRoutes,
  ...retrospectiveRoutes,
  ...portfolioRoutes,
];
