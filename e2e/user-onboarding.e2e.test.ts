import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './support/chromium.js';
import { startHarness, type Harness } from './support/harness.js';
import { chooseOption, clickMenu, login, logout, menuTexts, screenshot } from './support/flows.js';

const CHROMIUM = findChromium();

describe.skipIf(!CHROMIUM)('an administrator creates a user who then signs in', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(CHROMIUM!);
  });
  afterAll(async () => {
    await harness?.close();
    expect(harness?.problems ?? []).toEqual([]);
  });

  it('shows the temporary password once and forces a new password at first sign-in', async () => {
    const page = await harness.newPage();
    await login(page, 'admin');
    await clickMenu(page.locator('[data-testid=side-menu]'), '组织架构', '用户管理');
    await page.waitForURL('**/org/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const form = page.locator('[data-testid=user-form]');
    await form.waitFor();

    // The server refuses a taken username; the message lands on the field.
    await form.locator('#username').fill('manager');
    await form.locator('#name').fill('王五');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await form.getByText('已被占用').waitFor();

    await form.locator('#username').fill('wangwu');
    await chooseOption(page, form.locator('#role').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'), '项目经理');
    await form.locator('#departmentId').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '业务二组（华南）' }).click();
    await form.locator('#positionTitle').fill('项目经理');
    await screenshot(page, 'user-create-form');
    await page.getByRole('button', { name: /保\s?存/ }).click();

    const secret = page.locator('[data-testid=one-time-secret]');
    await secret.waitFor();
    const temporary = (await secret.innerText()).trim();
    expect(temporary.length).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'user-temp-password');
    await page.getByRole('dialog').getByRole('button', { name: /关\s?闭/ }).click();
    await page.getByRole('cell', { name: /王五/ }).first().waitFor();
    await screenshot(page, 'users-admin');
    await logout(page);

    await login(page, 'wangwu', temporary);
    const forced = page.locator('[data-testid=forced-password]');
    await forced.waitFor();
    await screenshot(page, 'forced-password');
    await forced.locator('#currentPassword').fill(temporary);
    await forced.locator('#newPassword').fill('Wangwu#2026');
    await forced.locator('#confirmPassword').fill('Wangwu#2026');
    await forced.locator('button[type=submit]').click();
    await page.locator('[data-testid=home-greeting]').getByText('王五').waitFor();
    expect(await menuTexts(page)).toContain('通讯录');
    await page.getByText('业务二组（华南）').first().waitFor();

    await logout(page);
    await login(page, 'wangwu', 'Wangwu#2026');
    await page.locator('[data-testid=home-greeting]').waitFor();
    expect(await page.locator('[data-testid=forced-password]').count()).toBe(0);
    await page.context().close();
  });
});
