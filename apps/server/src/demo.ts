import pino from 'pino';
import type { Database } from './platform/db/database.js';
import { createDeps } from './platform/context.js';
import { demoKit } from './platform/demo-kit.js';
import { moduleRegistry, type ServerModule } from './platform/module.js';
import { loadConfig } from './config.js';
import { MODULES } from './modules.js';

export { DEMO_PASSWORD } from './platform/demo-kit.js';

/**
 * Loads the demo company (`npm run demo`): each module's demo part in module order, made through
 * the modules' own services. Every part checks what is there first, so running it twice changes nothing.
 */
export async function seedDemo(database: Database, modules: readonly ServerModule[] = MODULES): Promise<string> {
  const deps = createDeps({ database, config: loadConfig(), log: pino({ level: 'silent' }), modules: moduleRegistry(modules) });
  const kit = demoKit(database, deps);
  await kit.refresh();
  let total = 0;
  for (const m of modules) if (m.demo) total += await m.demo.seed(kit);
  return total > 0 ? `${total} records created` : 'already present';
}
