import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findChromium } from './support/chromium.js';
import { startHarness, type Harness } from './support/harness.js';
import { login, menuTexts, openDropdown, screenshot, settle } from './support/flows.js';

const CHROMIUM = findChromium();

async function switchLanguage(page: Page, label: string): Promise<void> {
  const menu = await openDropdown(page, page.locator('[data-testid=language-switch]').first());
  await menu.getByRole('menuitem', { name: label }).click();
}

describe.skipIf(!CHROMIUM)('language switch zh-CN → en-US → zh-TW', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(CHROMIUM!);
  });
  afterAll(async () => {
    await harness?.close();
    expect(harness?.problems ?? []).toEqual([]);
  });

  it('changes every text, antd components included, and remembers the choice', async () => {
    const page = await harness.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await screenshot(page, 'login-zh-CN');

    await switchLanguage(page, 'English');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.locator('label[for=username]').innerText()).toBe('Username');
    await screenshot(page, 'login-en-US');

    await login(page, 'manager');
    const english = await menuTexts(page);
    expect(english).toEqual(expect.arrayContaining(['Workbench', 'Organisation', 'Departments', 'Directory', 'Roles']));
    await page.goto('/org/users');
    await page.getByText('10 in total').waitFor();
    await screenshot(page, 'directory-en-US');

    await switchLanguage(page, '繁體中文');
    await page.getByText('共 10 筆').waitFor();
    const traditional = await menuTexts(page);
    expect(traditional).toEqual(expect.arrayContaining(['工作台', '組織架構', '部門管理', '通訊錄', '角色與權限']));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    // ProTable's own texts follow too.
    await page.getByRole('button', { name: /查\s?詢/ }).waitFor();
    await screenshot(page, 'directory-zh-TW');

    await page.reload();
    await settle(page);
    expect(await menuTexts(page)).toContain('組織架構');
    expect(await page.evaluate(() => localStorage.getItem('yunying.locale'))).toBe('zh-TW');

    await switchLanguage(page, '简体中文');
    await page.getByText('共 10 条').waitFor();
    expect(await menuTexts(page)).toContain('组织架构');
    await page.context().close();
  });

  it('error messages from the API come in the chosen language', async () => {
    const page = await harness.newPage();
    await page.goto('/login');
    await switchLanguage(page, 'English');
    await page.locator('#username').fill('manager');
    await page.locator('#password').fill('wrong-password-1');
    await page.locator('[data-testid=login-submit]').click();
    await page.locator('[data-testid=login-error]').waitFor();
    expect(await page.locator('[data-testid=login-error]').innerText()).toMatch(/username or password/i);
    await switchLanguage(page, '简体中文');
    await page.locator('[data-testid=login-submit]').click();
    await page.getByText('用户名或密码错误').waitFor();
    await screenshot(page, 'login-error-zh-CN');
    await page.context().close();
  });
});
