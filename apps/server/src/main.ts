import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { ensureAdministrator, openDatabase, prepareDatabase } from './bootstrap.js';
import { seedDemo } from './demo.js';
import { startScheduler } from './platform/scheduler/scheduler.js';
import { ALL_JOBS } from './modules.js';

const started = performance.now();
const config = loadConfig();

let database;
try {
  database = openDatabase(config);
} catch (err) {
  console.error(`\n✖ ${(err as Error).message}\n`);
  process.exit(1);
}

await prepareDatabase(database);
const admin = await ensureAdministrator(database, config);
if (admin.created && admin.password) {
  console.log(`\n  管理员账号已创建 / Administrator created: username "admin", one-time password: ${admin.password}\n  (set YUNYING_ADMIN_PASSWORD to choose it; you will be asked to change it after signing in)\n`);
}
if (config.demo) {
  const summary = await seedDemo(database);
  console.log(`  Demo data: ${summary}`);
}

const { app, deps } = await buildApp({ config, database });
const scheduler = config.scheduler ? startScheduler(deps, ALL_JOBS) : null;

const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  scheduler?.stop();
  await app.close();
  await database.close();
  database.release();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
console.log(`  Yunying 运营 serving http://${shownHost}:${config.port}  (db: ${database.engine}, ready in ${Math.round(performance.now() - started)} ms)`);
