import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findChromium } from './support/chromium.js';
import { startHarness, type Harness } from './support/harness.js';
import { login, screenshot, settle } from './support/flows.js';

const CHROMIUM = findChromium();

describe.skipIf(!CHROMIUM)('administration pages', () => {
  let harness: Harness;
  let page: Page;
  beforeAll(async () => {
    harness = await startHarness(CHROMIUM!);
    page = await harness.newPage();
    await login(page, 'admin');
  });
  afterAll(async () => {
    await harness?.close();
    expect(harness?.problems ?? []).toEqual([]);
  });

  it('departments show as a tree with managers and member counts', async () => {
    await page.goto('/org/departments');
    const table = page.locator('.ant-table');
    await table.getByText('业务一组（华东）').waitFor();
    // 业务一组 sits two levels below 公司领导 (公司领导 → 业务部 → 业务一组).
    const nested = table.locator('tr', { hasText: '业务一组（华东）' }).locator('.ant-table-row-indent');
    expect(await nested.getAttribute('class')).toContain('indent-level-2');
    await table.locator('tr', { hasText: '业务部' }).first().getByText('李明').waitFor();
    await screenshot(page, 'departments');

    // Edit opens the form filled in, with the manager shown by name.
    await table.locator('tr', { hasText: '财务部' }).getByRole('button', { name: /编\s?辑/ }).click();
    await page.getByRole('dialog').getByText('吴芳').waitFor();
    await screenshot(page, 'department-edit');
    await page.getByRole('dialog').getByRole('button', { name: /取\s?消/ }).click();

    // A department with members cannot be deactivated; the reason is shown.
    await table.locator('tr', { hasText: '财务部' }).getByRole('button', { name: /停\s?用/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s?定/ }).click();
    await page.locator('.ant-message').getByText('不能停用').waitFor();
  });

  it('the roles matrix lists every role with its permissions and user counts', async () => {
    await page.goto('/org/roles');
    const matrix = page.locator('[data-testid=roles-matrix]');
    await matrix.getByText('系统管理员').first().waitFor();
    for (const role of ['部门经理', '副经理', '项目经理', '业务专员', '人力资源', '公司领导', '市场部', '财务']) {
      await matrix.locator('th', { hasText: role }).first().waitFor();
    }
    expect(await matrix.getByRole('columnheader', { name: /业务专员/ }).innerText()).toContain('在职 2 人');
    expect(await matrix.locator('.matrix-check').count()).toBeGreaterThan(20);
    await screenshot(page, 'roles');
  });

  it('the audit log lists entries, expands a before/after diff and verifies the chain', async () => {
    await page.goto('/audit-log');
    const table = page.locator('[data-testid=audit-table]');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(1);
    await table.getByText('登录').first().waitFor();

    // User creations carry an "after" snapshot to show.
    await page.locator('[data-testid=audit-filters] #entity').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '用户' }).first().click();
    await page.locator('[data-testid=audit-filters] #action').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '新建' }).first().click();
    await page.locator('[data-testid=audit-filters]').getByRole('button', { name: /查\s?询/ }).click();
    await settle(page);
    await table.locator('tbody tr.ant-table-row').first().locator('.ant-table-row-expand-icon').click();
    await table.locator('.audit-diff').first().waitFor();
    await screenshot(page, 'audit-log');

    await page.locator('[data-testid=audit-verify]').click();
    await page.getByText(/哈希链完整/).waitFor();
    await screenshot(page, 'audit-verify');
    await page.getByRole('button', { name: /知道了|确\s?定|OK/ }).click();

    // The export is the filtered log as an .xlsx file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });

  it('an API token is issued (secret shown once) and revoked', async () => {
    await page.goto('/org/api-tokens');
    await page.getByText('还没有签发过 API 令牌').waitFor();
    await screenshot(page, 'tokens-empty');
    await page.getByRole('button', { name: '签发令牌' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#name').fill('财务系统对接');
    await dialog.locator('#userId').click();
    await page.keyboard.type('吴芳');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '吴芳' }).click();
    await dialog.getByRole('button', { name: '签发令牌' }).click();
    const secret = page.locator('[data-testid=one-time-secret]');
    await secret.waitFor();
    expect((await secret.innerText()).trim()).toMatch(/^yy_/);
    await page.getByRole('dialog').getByRole('button', { name: /关\s?闭/ }).click();
    const row = page.locator('tr', { hasText: '财务系统对接' });
    await row.locator('.ant-tag', { hasText: /^有效$/ }).waitFor();
    await screenshot(page, 'tokens');
    await row.getByRole('button', { name: /吊\s?销/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s?定/ }).click();
    await row.locator('.ant-tag', { hasText: '已吊销' }).waitFor();
  });

  it('the profile page saves contact details', async () => {
    await page.goto('/profile');
    const form = page.locator('[data-testid=profile-form]');
    await form.locator('#email').fill('admin@example.com');
    await form.locator('#phone').fill('+86 138 0000 0000');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await page.locator('.ant-message').getByText('已保存').waitFor();
    await page.reload();
    await settle(page);
    expect(await form.locator('#email').inputValue()).toBe('admin@example.com');
    await screenshot(page, 'profile');
  });

  it('a colleague’s name in the directory opens their employee page', async () => {
    await page.goto('/org/users');
    await page.locator('.ant-table').getByRole('link', { name: '李明' }).first().click();
    await page.getByText('基本信息').waitFor();
    await page.getByText('直属上级').waitFor();
    expect(page.url()).toMatch(/\/org\/users\/\d+$/);
    await screenshot(page, 'employee-page');
  });
});
