import type { Role } from '@domain/shared/roles.js';
import type { Permission } from '@domain/shared/permissions.js';
import type { AttachmentAccessCheck, Contributions, Deps, ModuleContributions, ModuleHooks, ModuleRegistry, RequestMeta } from './context.js';
import type { AnyRoute } from './http/route.js';
import { PLATFORM_JOBS, type Job } from './scheduler/scheduler.js';
import type { EngineMigration } from './db/migration.js';
import type { DemoKit } from './demo-kit.js';

/**
 * One server module's front door: everything the app, the platform and other modules may use
 * of it. Each module exports exactly one such object from `modules/<module>/index.ts`; the app
 * loops over the list in `apps/server/src/modules.ts`. Nothing registers itself on import.
 * The web's counterpart is `AppModule` (apps/web/src/app/module-types.ts).
 *
 * Declare it `export const fooModule = { … } satisfies ServerModule;` so `queries` keep their
 * own types for the modules that call them. docs/adding-a-module.md walks through a new one.
 */
export type ServerModule = {
  /** Short lower-case name, the folder's: `sales`, `delivery`. */
  name: string;
  /** Every HTTP route of the module; registration, OpenAPI and the authorization matrix read them. */
  routes: readonly AnyRoute[];
  /** The tables this module owns: only its code writes them, others read them through `queries`. */
  tables: readonly string[];
  /** Migrations by name (`0008_training`); the migrator runs every owner's, sorted by name. */
  migrations?: Readonly<Record<string, EngineMigration>>;
  /** Scheduled jobs (names unique across the app, cron in the server's time zone). */
  jobs?: readonly Job[];
  /** Who may read attachments linked to this module's records, by the `entity` they are linked with. */
  attachmentAccess?: Readonly<Record<string, AttachmentAccessCheck>>;
  /** The notification `kind`s this module sends (each needs a title in the message catalogue). */
  notificationKinds?: readonly string[];
  /** Read functions other modules may call (and the one place they may read this module's tables). */
  queries?: Readonly<Record<string, (...args: never[]) => unknown>>;
  /** Writes the app asks of this module on its own tables (org's `ensureAdministrator` at first start). */
  commands?: Readonly<Record<string, (...args: never[]) => unknown>>;
  /** Hooks this module implements for modules upstream of it (see `ModuleHooks`). */
  provides?: Partial<ModuleHooks>;
  /** What this module adds to contribution points other modules declare (see `ModuleContributions`). */
  contributes?: { readonly [K in keyof ModuleContributions]?: readonly ModuleContributions[K][] };
  /** This module's part of the demo company (`npm run demo`). */
  demo?: DemoPart;

  /** Dashboard widgets (ECharts) this module offers; the dashboard registry that reads them arrives with issue #15/#16. */
  dashboardWidgets?: readonly DashboardWidget[];
  /** Global search over this module's records; the search registry arrives with issue #15/#16. */
  searchProviders?: readonly SearchProvider[];
  /** Lists this module can export to .xlsx; the export registry arrives with issue #15/#16. */
  exportLists?: readonly ExportList[];
  /** Compliance figures for the regulation's clauses this module carries out; the compliance registry arrives with issue #15/#16. */
  complianceMeasures?: readonly ComplianceMeasure[];
};

/**
 * `seed` loads the module's demo records through its own services (idempotent: it answers how
 * many it created, 0 when they are there). Other helpers are for later modules' demos (the
 * delivery demo has sales win the deals its projects come from).
 */
export type DemoPart = { seed: (kit: DemoKit) => Promise<number> } & Readonly<Record<string, (...args: never[]) => unknown>>;

/** A dashboard card: who sees it and the data it charts. */
export type DashboardWidget = { key: string; roles: readonly Role[]; load: (deps: Deps, meta: RequestMeta) => Promise<unknown> };

/** Finds this module's records whose text contains `text`, in the actor's scope. */
export type SearchProvider = { entity: string; search: (deps: Deps, meta: RequestMeta, text: string, limit: number) => Promise<{ id: number; title: string; link: string }[]> };

/** A list exported row by row (streamed), under a permission. */
export type ExportList = { key: string; permission: Permission; rows: (deps: Deps, meta: RequestMeta, query: Record<string, string>) => AsyncIterable<Record<string, unknown>> };

/** A figure for clauses of the regulation (e.g. `3.1.2`) over a period (`2026-11`, `2026`). */
export type ComplianceMeasure = { key: string; clauses: readonly string[]; measure: (deps: Deps, period: string) => Promise<{ value: number; target: number | null }> };

/** Collects what the modules offer each other at run time; a hook or attachment kind offered twice is an error. */
export function moduleRegistry(modules: readonly ServerModule[]): ModuleRegistry {
  const attachmentAccess = new Map<string, AttachmentAccessCheck>();
  const hooks: Record<string, unknown> = {};
  for (const m of modules) {
    for (const [entity, check] of Object.entries(m.attachmentAccess ?? {})) {
      if (attachmentAccess.has(entity)) throw new Error(`attachment access for ${entity} offered twice (${m.name})`);
      attachmentAccess.set(entity, check);
    }
    for (const [name, fn] of Object.entries(m.provides ?? {})) {
      if (name in hooks) throw new Error(`hook ${name} provided twice (${m.name})`);
      hooks[name] = fn;
    }
  }
  const contributions: Record<string, unknown[]> = {};
  for (const m of modules) {
    for (const [point, items] of Object.entries(m.contributes ?? {})) contributions[point] = [...(contributions[point] ?? []), ...(items as unknown[])];
  }
  return { attachmentAccess, hooks: hooks as unknown as ModuleHooks, contributions: contributions as Contributions };
}

/** Every route of the modules, in module order. */
export function routesOf(modules: readonly ServerModule[]): AnyRoute[] {
  return modules.flatMap((m) => m.routes);
}

/** The platform's scheduled jobs and every module's; names must be unique. */
export function jobsOf(modules: readonly ServerModule[]): Job[] {
  const jobs = [...PLATFORM_JOBS, ...modules.flatMap((m) => m.jobs ?? [])];
  const names = jobs.map((j) => j.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new Error(`duplicate job ${twice.join(', ')}`);
  return jobs;
}
