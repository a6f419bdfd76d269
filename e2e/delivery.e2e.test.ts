import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { findChromium } from './support/chromium.js';
import { PHONE, startHarness, type Harness } from './support/harness.js';
import { chooseOption, login, screenshot } from './support/flows.js';

const CHROMIUM = findChromium();
const PROJECT = '园区能源运营数字化';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function modal(page: Page): Locator {
  return page.locator('.ant-modal-wrap:visible .ant-modal').last();
}

function selectIn(scope: Locator, id: string): Locator {
  return scope.locator(`#${id}`).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');
}

async function upload(scope: Locator, testId: string, name: string): Promise<void> {
  await scope.locator(`[data-testid=${testId}] input[type=file]`).setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await scope.locator(`[data-testid=${testId}] .ant-upload-list-item-done`).filter({ hasText: name }).waitFor();
}

/** Types into a searchable Select (its options are a virtual list) and picks the match. */
async function searchOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await select.locator('input').fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

async function messageShown(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
}

async function tab(page: Page, key: string): Promise<void> {
  await page.locator(`[data-testid=tab-${key}]`).click();
  await page.waitForURL(new RegExp(`tab=${key}`));
}

async function status(page: Page, text: string): Promise<void> {
  await page.locator('.page-header .ant-tag').filter({ hasText: text }).first().waitFor();
}

describe.skipIf(!CHROMIUM)('delivery: a PM runs a project from start to close', () => {
  let harness: Harness;
  let pm: Page;
  let manager: Page;
  let specialist: Page;
  let finance: Page;
  let projectUrl = '';

  beforeAll(async () => {
    harness = await startHarness(CHROMIUM!);
    pm = await harness.newPage();
    await login(pm, 'pm');
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [name, page] of Object.entries({ pm, manager, specialist, finance })) if (page) await screenshot(page, `delivery-failed-${name}`).catch(() => undefined);
  });
  afterAll(async () => {
    await harness?.close();
    expect(harness?.problems ?? []).toEqual([]);
  });

  it('the PM finds the signed project, forms the team and starts it', async () => {
    await pm.goto('/projects');
    await pm.locator('[data-testid=mine-only]').click();
    const row = pm.locator('.ant-table-row').filter({ hasText: PROJECT });
    await row.getByText('筹备中').waitFor();
    await screenshot(pm, 'delivery-01-projects');
    await row.locator('[data-testid=project-link]').click();
    await pm.waitForURL(/\/projects\/\d+/);
    projectUrl = new URL(pm.url()).pathname;
    await pm.locator('[data-testid=kpi-progress]').waitFor();
    await screenshot(pm, 'delivery-02-project-planning');

    await tab(pm, 'team');
    await pm.locator('[data-testid=member-add]').click();
    const m = modal(pm);
    await searchOption(pm, selectIn(m, 'userId'), '赵敏');
    await m.locator('[data-testid=member-role]').fill('数据分析师');
    await m.locator('#responsibilities').fill('能耗数据采集与看板');
    await m.locator('[data-testid=member-ok]').click();
    await pm.locator('.ant-table-row').filter({ hasText: '数据分析师' }).waitFor();
    await screenshot(pm, 'delivery-03-team');

    await pm.locator('[data-testid=action-start]').click();
    await pm.locator('[data-testid=confirm-ok]').click();
    await status(pm, '执行中');
  });

  it('plans tasks on the Gantt chart; a member reports progress; the PM sees who has not', async () => {
    await tab(pm, 'plan');
    for (const [name, owner] of [['能耗现状调研', '刘洋'], ['数据采集方案', '赵敏']] as const) {
      await pm.locator('[data-testid=task-add]').click();
      const m = modal(pm);
      await m.locator('[data-testid=task-name]').fill(name);
      await chooseOption(pm, selectIn(m, 'ownerId'), owner);
      await m.locator('#plannedStart').fill('2026-12-01');
      await m.locator('#plannedStart').press('Enter');
      await m.locator('#plannedEnd').fill('2026-12-20');
      await m.locator('#plannedEnd').press('Enter');
      await m.locator('[data-testid=task-ok]').click();
      await pm.locator('.ant-table-row').filter({ hasText: name }).waitFor();
    }
    await pm.locator('[data-testid=gantt]').waitFor();
    await screenshot(pm, 'delivery-04-plan-gantt');

    specialist = await harness.newPage();
    await login(specialist, 'specialist');
    await specialist.goto(`${projectUrl}?tab=progress`);
    await specialist.locator('[data-testid=report-file]').click();
    const r = modal(specialist);
    await r.locator('input[data-testid=report-task-0], [data-testid=report-task-0] input').first().fill('40');
    await r.locator('[data-testid=report-work]').fill('完成 3 个能源站的现场调研，收集近一年能耗台账');
    await r.locator('#problems').fill('部分能源站计量表缺失，需要客户补装');
    await r.locator('[data-testid=report-ok]').click();
    await messageShown(specialist, '进度汇报已提交');

    await pm.goto(`${projectUrl}?tab=progress`);
    await pm.locator('[data-testid=missing-reporter]').filter({ hasText: '赵敏' }).waitFor();
    await screenshot(pm, 'delivery-05-progress');
  });

  it('a major issue goes to the manager, who records the discussion and decides', async () => {
    await tab(pm, 'issues');
    await pm.locator('[data-testid=issue-add]').click();
    const m = modal(pm);
    await m.locator('[data-testid=issue-title]').fill('客户计量表缺失影响能耗基线');
    await m.locator('[data-testid=issue-description]').fill('12 个能源站中有 4 个缺少分项计量，无法建立能耗基线，方案设计可能延误');
    await chooseOption(pm, selectIn(m, 'severity'), '重大');
    await m.getByText('重大问题会立即上报部门经理').waitFor();
    await m.locator('[data-testid=issue-ok]').click();
    await pm.locator('.ant-table-row').filter({ hasText: '已上报经理' }).waitFor();

    manager = await harness.newPage();
    await login(manager, 'manager');
    await manager.goto('/delivery/portfolio');
    await manager.locator('.ant-table-row').filter({ hasText: '客户计量表缺失影响能耗基线' }).waitFor();
    await manager.locator('[data-testid=chart-health] canvas').waitFor();
    await screenshot(manager, 'delivery-06-portfolio');
    await manager.goto(`${projectUrl}?tab=issues`);
    await manager.locator('[data-testid^=issue-decide-]').first().click();
    const d = modal(manager);
    await d.locator('[data-testid=decide-participants]').fill('李明、陈静、刘洋、客户能源部主任');
    await d.locator('[data-testid=decide-discussion]').fill('评估了补装计量表与按历史账单估算两种方案');
    await d.locator('[data-testid=decide-decision]').fill('客户两周内补装计量表，期间按账单估算先行设计');
    await d.locator('[data-testid=issue-ok]').click();
    await manager.locator('.ant-table-row').filter({ hasText: '已决策' }).locator('.ant-table-row-expand-icon').click();
    await manager.getByText('客户两周内补装计量表').waitFor();
    await screenshot(manager, 'delivery-07-issue-decided');
  });

  it('a member claims an expense with a receipt; PM, manager and finance handle it', async () => {
    await specialist.goto(`${projectUrl}?tab=expenses`);
    await specialist.locator('[data-testid=expense-claim]').click();
    const m = modal(specialist);
    await chooseOption(specialist, selectIn(m, 'budgetLineId'), '差旅');
    await chooseOption(specialist, selectIn(m, 'category'), '差旅交通');
    await m.locator('#amountFen').fill('1860.50');
    await m.locator('[data-testid=claim-description]').fill('苏州园区能源站调研往返高铁');
    await upload(m, 'claim-receipts', '高铁票据.pdf');
    await m.locator('[data-testid=claim-ok]').click();
    await messageShown(specialist, '报销单已提交');

    await pm.goto('/expenses');
    await pm.locator('.ant-table-row').filter({ hasText: '苏州园区能源站调研往返高铁' }).waitFor();
    await screenshot(pm, 'delivery-08-expenses-todo');
    await pm.locator('.ant-table-row').filter({ hasText: '苏州园区能源站调研往返高铁' }).locator('[data-testid^=expense-approve-]').click();
    await modal(pm).locator('[data-testid=expense-approve-ok]').click();
    await messageShown(pm, '已审批');
    await manager.goto('/expenses');
    await manager.locator('.ant-table-row').filter({ hasText: '苏州园区能源站调研往返高铁' }).locator('[data-testid^=expense-approve-]').click();
    await modal(manager).locator('[data-testid=expense-approve-ok]').click();
    await messageShown(manager, '已审批');
    finance = await harness.newPage();
    await login(finance, 'finance');
    await finance.goto('/expenses');
    await finance.locator('.ant-table-row').filter({ hasText: '苏州园区能源站调研往返高铁' }).waitFor();
    await screenshot(finance, 'delivery-09-expenses-to-pay');
    await finance.locator('.ant-table-row').filter({ hasText: '苏州园区能源站调研往返高铁' }).locator('[data-testid^=expense-pay-]').click();
    await modal(finance).locator('[data-testid=expense-pay-ok]').click();
    await messageShown(finance, '已付款');
    await pm.goto(`${projectUrl}?tab=expenses`);
    await pm.locator('.ant-table-row').filter({ hasText: '苏州园区能源站调研往返高铁' }).getByText('已付款').waitFor();
    await screenshot(pm, 'delivery-10-project-expenses');
  });

  it('internal acceptance, customer sign-off with the signed document', async () => {
    await pm.goto(projectUrl);
    await pm.locator('[data-testid=action-submit-internal-acceptance]').click();
    await pm.locator('[data-testid=confirm-ok]').click();
    await status(pm, '内部验收');
    await tab(pm, 'acceptance');
    await pm.locator('[data-testid=check-all-pass]').click();
    await pm.locator('[data-testid=check-save]').click();
    await messageShown(pm, '检查结果已保存');
    await screenshot(pm, 'delivery-11-internal-acceptance');
    await pm.locator('[data-testid=action-submit-customer-acceptance]').click();
    await pm.locator('[data-testid=confirm-ok]').click();
    await status(pm, '客户验收');
    await pm.locator('[data-testid=action-settle]').click();
    const m = modal(pm);
    await m.locator('[data-testid=settle-signer]').fill('赵志强');
    await upload(m, 'settle-file', '验收确认书（盖章）.pdf');
    await m.locator('[data-testid=settle-ok]').click();
    await status(pm, '结算中');
  });

  it('finance invoices each instalment and records the payments', async () => {
    await finance.goto(`${projectUrl}?tab=settlement`);
    for (let i = 0; i < 3; i++) {
      await finance.locator('[data-testid=invoice-add]').click();
      const m = modal(finance);
      // The next instalment not yet invoiced is the first enabled option; choosing it fills in the amount.
      await selectIn(m, 'instalmentId').click();
      await finance.locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)').first().click();
      await expect.poll(() => m.locator('#amountFen').inputValue()).not.toBe('');
      await m.locator('[data-testid=invoice-number]').fill(`FP2026112${i}`);
      await m.locator('[data-testid=invoice-ok]').click();
      await finance.locator('.ant-table-row').filter({ hasText: `FP2026112${i}` }).first().waitFor();
    }
    for (let i = 0; i < 3; i++) {
      await finance.locator('[data-testid=payment-add]').click();
      const m = modal(finance);
      await chooseOption(finance, selectIn(m, 'invoiceId'), `FP2026112${i}`);
      await m.locator('[data-testid=payment-ok]').click();
      await messageShown(finance, '已保存');
      await m.waitFor({ state: 'hidden' });
    }
    await finance.getByText('款项已结清').waitFor();
    await screenshot(finance, 'delivery-12-settlement');
  });

  it('the PM writes the retrospective, files the documents and closes the project', async () => {
    await pm.goto(`${projectUrl}?tab=retrospective`);
    await pm.locator('[data-testid=retro-wentWell]').fill('调研阶段客户能源部配合度高，现场数据收集完整');
    await pm.locator('[data-testid=retro-wentWrong]').fill('计量表缺失在立项时未识别，导致方案设计被动');
    await pm.locator('[data-testid=retro-lessons]').fill('能源类项目启动前应核查客户计量器具是否齐全，并在合同中约定补装责任');
    await pm.locator('[data-testid=retro-reusableAssets]').fill('能源站调研清单、能耗基线测算表');
    await pm.locator('[data-testid=retro-save]').click();
    await messageShown(pm, '项目总结已保存');

    await tab(pm, 'documents');
    for (const [category, title] of [['合同文件', '服务合同（双方盖章）'], ['项目计划', '项目实施计划'], ['项目报告', '项目周报汇编'], ['交付成果', '能源数字化方案终稿']] as const) {
      await pm.locator('[data-testid=document-add]').click();
      const m = modal(pm);
      await chooseOption(pm, selectIn(m, 'category'), category);
      await m.locator('[data-testid=document-title]').fill(title);
      await upload(m, 'document-file', `${title}.pdf`);
      await m.locator('[data-testid=document-ok]').click();
      await pm.locator('.ant-table-row').filter({ hasText: title }).waitFor();
    }
    await screenshot(pm, 'delivery-13-documents');

    await pm.locator('[data-testid=action-close]').click();
    await modal(pm).locator('[data-testid=close-ok]').click();
    await status(pm, '已结项');
    await tab(pm, 'overview');
    await pm.locator('[data-testid=kpi-progress]').waitFor();
    await screenshot(pm, 'delivery-14-closed');

    await pm.goto('/lessons');
    const search = pm.locator('input[data-testid=lesson-search], [data-testid=lesson-search] input').first();
    await search.fill('计量');
    await search.press('Enter');
    await pm.locator('.lesson-card').filter({ hasText: PROJECT }).locator('mark').first().waitFor();
    await screenshot(pm, 'delivery-15-lessons');
  });

  it('on a phone the project page and the approvals stay usable', async () => {
    const phone = await harness.newPage(PHONE);
    await login(phone, 'manager');
    await phone.goto(projectUrl);
    await phone.locator('[data-testid=kpi-progress]').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(phone, 'delivery-16-phone-project');
    await phone.goto('/expenses?view=all');
    await phone.locator('.ant-table-row').first().waitFor();
    await screenshot(phone, 'delivery-17-phone-expenses');
  });
});
