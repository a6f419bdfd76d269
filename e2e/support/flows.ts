import path from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ADMIN_PASSWORD, DEMO_PASSWORD, SCREENSHOT_DIR } from './harness.js';

export function passwordOf(username: string): string {
  return username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD;
}

/** Signs in through the login page and waits for the app shell (or the forced password page). */
export async function login(page: Page, username: string, password = passwordOf(username)): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('[data-testid=login-submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.locator('[data-testid=side-menu], [data-testid=forced-password], [data-testid=open-menu]').first().waitFor();
}

/** Opens a dropdown and waits until its opening animation is over, so a click lands where aimed. */
export async function openDropdown(page: Page, trigger: Locator): Promise<Locator> {
  await trigger.click();
  const dropdown = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').last();
  await dropdown.waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-dropdown[class*="-enter"], .ant-dropdown[class*="-appear"]'));
  return dropdown;
}

export async function logout(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const menu = await openDropdown(page, page.locator('[data-testid=user-menu]'));
  await menu.getByRole('menuitem', { name: /退出登录|登出|Sign out/ }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  await page.locator('#username').waitFor();
}

/** The texts of every entry of the side menu, closed groups included. */
export async function menuTexts(page: Page): Promise<string[]> {
  const menu = page.locator('[data-testid=side-menu]').first();
  await menu.waitFor();
  const texts = await menu.locator('.ant-menu-title-content').allTextContents();
  return texts.map((t) => t.trim()).filter(Boolean);
}

/** Clicks a side-menu entry, opening its group first when it is closed. */
export async function clickMenu(menu: Locator, group: string, entry: string): Promise<void> {
  const item = menu.locator('.ant-menu-item').filter({ hasText: entry }).first();
  if (!(await item.isVisible())) await menu.locator('.ant-menu-submenu-title').filter({ hasText: group }).click();
  await item.click();
}

/** Waits until nothing is loading any more (spinners and skeletons gone). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await settle(page);
  // Sticky header and menu would otherwise be drawn where the page happens to be scrolled.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Picks an option of an antd Select by its visible text. */
export async function chooseOption(page: Page, select: Locator, text: string | RegExp): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

export async function expectText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
  expect(await page.getByText(text).count()).toBeGreaterThan(0);
}
