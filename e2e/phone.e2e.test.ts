import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './support/chromium.js';
import { PHONE, startHarness, type Harness } from './support/harness.js';
import { clickMenu, login, screenshot } from './support/flows.js';

const CHROMIUM = findChromium();

describe.skipIf(!CHROMIUM)('phone viewport 375×812', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(CHROMIUM!);
  });
  afterAll(async () => {
    await harness?.close();
    expect(harness?.problems ?? []).toEqual([]);
  });

  it('the side menu becomes a drawer and pages fit the width', async () => {
    const page = await harness.newPage(PHONE);
    await page.goto('/login');
    await page.locator('#username').waitFor();
    await screenshot(page, 'phone-login');
    await login(page, 'manager');

    // No side bar: the menu hides behind the header button.
    expect(await page.locator('.app-sider').count()).toBe(0);
    await page.locator('[data-testid=home-greeting]').waitFor();
    await screenshot(page, 'phone-home');
    await page.locator('[data-testid=open-menu]').click();
    const drawer = page.locator('.menu-drawer');
    await drawer.locator('[data-testid=side-menu]').waitFor();
    await screenshot(page, 'phone-drawer');

    await clickMenu(drawer, '组织架构', '部门管理');
    await page.waitForURL('**/org/departments');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('业务一组（华东）').first().waitFor();
    await screenshot(page, 'phone-departments');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.locator('[data-testid=open-menu]').click();
    await clickMenu(drawer, '组织架构', '通讯录');
    await page.waitForURL('**/org/users');
    await page.getByText('共 10 条').waitFor();
    await screenshot(page, 'phone-directory');
    await page.context().close();
  });
});
