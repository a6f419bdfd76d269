import { matchPath } from 'react-router';
import type { AppModule, ModulePage } from './module-types';
import { registerRecordPanels } from '../shared/record-panels';
import { homeModule } from '../modules/home/module';
import { orgModule } from '../modules/org/module';
import { accountModule } from '../modules/org/account.module';
import { auditModule } from '../modules/audit/module';
import { workbenchModule } from '../modules/workbench/module';
import { salesModule } from '../modules/sales/module';
import { deliveryModule } from '../modules/delivery/module';
import { appraisalModule } from '../modules/appraisal/module';

/** Every module of the app; a new module adds its `module.tsx` here and nothing else. */
export const MODULES: AppModule[] = [homeModule, orgModule, auditModule, accountModule, workbenchModule, salesModule, deliveryModule, appraisalModule].sort((a, b) => a.order - b.order);

registerRecordPanels(MODULES.flatMap((m) => m.panels ?? []));

export type PageEntry = { module: AppModule; page: ModulePage };

export const PAGES: PageEntry[] = MODULES.flatMap((module) => module.pages.map((page) => ({ module, page })));

/** The page a location belongs to: a route pattern matching it exactly, else the longest path prefix. */
export function findPage(pathname: string): PageEntry | undefined {
  const exact = PAGES.find((entry) => matchPath({ path: entry.page.path, end: true }, pathname));
  if (exact) return exact;
  return PAGES.filter((entry) => entry.page.path !== '/' && matchPath({ path: entry.page.path, end: false }, pathname)).sort(
    (a, b) => b.page.path.length - a.page.path.length,
  )[0];
}
