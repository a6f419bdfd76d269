import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { ensureAdministrator, prepareDatabase } from '../../apps/server/src/bootstrap.js';
import { openSqlite } from '../../apps/server/src/platform/db/database.js';
import { seedDemo } from '../../apps/server/src/demo.js';
import { launchChromium } from './chromium.js';

export const ADMIN_PASSWORD = 'Admin#2026';
export const DEMO_PASSWORD = 'Demo#2026';
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/e2e');

export type Harness = {
  baseUrl: string;
  /** A fresh browser context (own cookies and storage) and page. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  /** Uncaught exceptions and console errors of every page so far (expected HTTP errors excluded). */
  problems: string[];
  close: () => Promise<void>;
};

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 860 }, locale: 'zh-CN' };
export const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/**
 * A real server in this process on a free port, with a fresh SQLite data directory holding the
 * administrator and the demo company, plus headless Chromium pointed at it.
 */
export async function startHarness(chromiumPath: string): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunying-e2e-data-'));
  const database = openSqlite(path.join(dataDir, 'yunying.db'));
  await prepareDatabase(database);
  // A private copy of the built assets: a rebuild elsewhere during the run cannot swap chunks away.
  const webDist = path.join(dataDir, 'web');
  fs.cpSync(path.join(ROOT, 'dist/web'), webDist, { recursive: true });
  const config = loadConfig({ YUNYING_ADMIN_PASSWORD: ADMIN_PASSWORD } as NodeJS.ProcessEnv, {
    webDist,
    scheduler: false,
    dataDir,
  });
  await ensureAdministrator(database, config);
  await seedDemo(database);
  const { app } = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await launchChromium(chromiumPath);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const problems: string[] = [];

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    problems,
    async newPage(options = DESKTOP) {
      const context = await browser.newContext({ ...options, baseURL: `http://127.0.0.1:${port}` });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        // 401/400/409 answers the UI handles still print "Failed to load resource".
        if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
      });
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
