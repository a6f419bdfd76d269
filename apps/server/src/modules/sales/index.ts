import { SALES_NOTIFY_KINDS } from '@domain/sales/sales.messages.js';
import type { ServerModule } from '../../platform/module.js';
import { seedSales } from './sales.demo.js';
import { wonProject } from './sales.demo-deals.js';
import { customerRoutes } from './customers.routes.js';
import { leadRoutes } from './leads.routes.js';
import { proposalRoutes } from './proposals.routes.js';
import { contractRoutes } from './contracts.routes.js';
import { pipelineRoutes } from './pipeline.routes.js';
import { returnIdleCustomersJob } from './sales.jobs.js';
import { salesAttachmentAccess } from './sales.attachments.js';
import { salesTables } from './migrations/0003_sales.js';
import { salesLookupIndexes } from './migrations/0007_lookup_indexes.js';
import { SALES_TABLES } from './sales.tables.js';
import { customerIdsNamed } from './customers.repo.js';
import { customerInAreas, ownedScopeWhere } from './sales.scope.js';
import {
  contractAmountOf,
  contractInstalment,
  contractInstalments,
  contractNumberOf,
  customerVisibleTo,
  customerNameOf,
  customerNames,
  customerRegionOf,
  customersOwnedBy,
  instalmentNameOf,
  signedContractsBetween,
  signedSalesByOwnerMonth,
} from './sales.queries.js';

export type { SalesTables } from './sales.tables.js';
export type { WonSpec } from './sales.demo-deals.js';
export type { SalesScope } from './sales.scope.js';
export type { CustomerRelatedRow, SignedContract } from './sales.hooks.js';

/** Business intake [3.1]: customers and the pool, leads, needs analyses, proposals, contracts; the funnel and "my work". */
export const salesModule = {
  name: 'sales',
  routes: [...customerRoutes, ...leadRoutes, ...proposalRoutes, ...contractRoutes, ...pipelineRoutes],
  tables: SALES_TABLES,
  migrations: { '0003_sales': salesTables, '0007_lookup_indexes': salesLookupIndexes },
  jobs: [returnIdleCustomersJob],
  attachmentAccess: salesAttachmentAccess,
  notificationKinds: SALES_NOTIFY_KINDS,
  queries: {
    customerIdsNamed,
    customerInAreas,
    ownedScopeWhere,
    customerNameOf,
    customerRegionOf,
    customerNames,
    customerVisibleTo,
    contractNumberOf,
    contractAmountOf,
    contractInstalments,
    contractInstalment,
    instalmentNameOf,
    signedContractsBetween,
    signedSalesByOwnerMonth,
    customersOwnedBy,
  },
  demo: { seed: seedSales, winProject: wonProject },
} satisfies ServerModule;
