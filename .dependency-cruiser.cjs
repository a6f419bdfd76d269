/**
 * Dependency rules checked by `npm run lint:deps` and by tests/architecture/dependencies.test.ts
 * (part of `npm test`, so CI fails on a violation). docs/architecture.md explains them.
 */
const MODULES = '^apps/server/src/modules/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-front-door',
      comment: 'A module reaches another only through its index.ts (the entry object); deep imports across modules break the module boundary.',
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`] },
    },
    {
      name: 'web-module-front-door',
      comment: 'The web app likewise: a module reaches another only through its index.ts (org/index.ts, workbench/index.ts).',
      severity: 'error',
      from: { path: '^apps/web/src/modules/([^/]+)/' },
      to: { path: '^apps/web/src/modules/', pathNot: ['^apps/web/src/modules/$1/', '^apps/web/src/modules/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'app-through-front-doors',
      comment: 'The app (app.ts, modules.ts, main.ts, demo.ts, bootstrap.ts) reaches modules only through their index.ts.',
      severity: 'error',
      from: { path: '^apps/server/src/[^/]+\\.ts$' },
      to: { path: MODULES, pathNot: `${MODULES}[^/]+/index\\.ts$` },
    },
    {
      name: 'platform-below-modules',
      comment: 'The platform serves every module and knows none: it never imports a module or the app that lists them.',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: [MODULES, '^apps/server/src/(app|modules|main|demo|bootstrap)\\.ts$'] },
    },
    {
      name: 'domain-is-pure',
      comment: 'packages/domain is pure TypeScript and zod: no server, no web, no Node built-ins, no other packages.',
      severity: 'error',
      from: { path: '^packages/domain/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^packages/domain/', '^node_modules/zod/'] },
    },
    {
      name: 'production-without-tests',
      comment: 'Production code never imports test support (tests/) or the bench.',
      severity: 'error',
      from: { path: '^(apps|packages)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(tests|bench|e2e)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import circle, type-only imports included.',
      severity: 'error',
      from: { path: '^(apps/server/src|packages/domain/src)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: {
      dot: { collapsePattern: '^(apps/server/src/modules/[^/]+|apps/server/src/platform|packages/domain/src/[^/]+)/' },
    },
  },
};
