// npm run audit:verify: re-computes the audit hash chain and exits 1 at the first broken entry.
import { loadConfig } from '../apps/server/src/config.js';
import { isPostgresUrl, openPostgres, openSqlite } from '../apps/server/src/platform/db/database.js';
import { verifyAuditChain } from '../apps/server/src/platform/audit/audit.js';
import path from 'node:path';

const config = loadConfig();
const database = isPostgresUrl(config.databaseUrl) ? openPostgres(config.databaseUrl) : openSqlite(path.join(config.dataDir, 'yunying.db'));
const report = await verifyAuditChain(database.db);
await database.close();
if (report.ok) console.log(`audit chain ok: ${report.checked} entries verified`);
else console.error(`audit chain BROKEN at entry #${report.brokenAt} (${report.checked} entries fine before it): ${report.reason}`);
process.exit(report.ok ? 0 : 1);
