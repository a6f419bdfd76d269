import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './support/chromium.js';
import { DEMO_PASSWORD, startHarness, type Harness } from './support/harness.js';
import { login, logout, openDropdown, screenshot } from './support/flows.js';

const CHROMIUM = findChromium();

describe.skipIf(!CHROMIUM)('change password', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(CHROMIUM!);
  });
  afterAll(async () => {
    await harness?.close();
    expect(harness?.problems ?? []).toEqual([]);
  });

  it('a user changes their password from the user menu and signs in with the new one', async () => {
    const page = await harness.newPage();
    await login(page, 'specialist2');
    const menu = await openDropdown(page, page.locator('[data-testid=user-menu]'));
    await menu.getByRole('menuitem', { name: '修改密码' }).click();
    await page.waitForURL('**/change-password');
    const form = page.locator('[data-testid=change-password-form]');

    // A weak password is refused on the form before anything is sent.
    await form.locator('#currentPassword').fill(DEMO_PASSWORD);
    await form.locator('#newPassword').fill('short');
    await form.locator('#confirmPassword').fill('short');
    await form.locator('button[type=submit]').click();
    await form.getByText('至少 8 位，须同时包含字母和数字').first().waitFor();

    // A wrong current password comes back from the API onto its field.
    await form.locator('#currentPassword').fill('Wrong#2026x');
    await form.locator('#newPassword').fill('Fresh#2027pw');
    await form.locator('#confirmPassword').fill('Fresh#2027pw');
    await form.locator('button[type=submit]').click();
    await form.getByText('当前密码不正确').waitFor();
    await screenshot(page, 'change-password-error');

    await form.locator('#currentPassword').fill(DEMO_PASSWORD);
    await form.locator('button[type=submit]').click();
    await page.getByText('密码已修改').first().waitFor();
    await page.waitForURL((url) => url.pathname === '/');

    await logout(page);
    await page.locator('#username').fill('specialist2');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('[data-testid=login-submit]').click();
    await page.locator('[data-testid=login-error]').waitFor();
    expect(await page.locator('[data-testid=login-error]').innerText()).toContain('用户名或密码错误');

    await login(page, 'specialist2', 'Fresh#2027pw');
    await page.locator('[data-testid=home-greeting]').getByText('赵敏').waitFor();
    await page.context().close();
  });
});
