import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findChromium } from './support/chromium.js';
import { DESKTOP, PHONE, startHarness, type Harness } from './support/harness.js';
import { login, logout, screenshot, settle } from './support/flows.js';

const CHROMIUM = findChromium();

/** Fills every empty score input of the form on the page. */
async function fillEmptyScores(page: Page, score: string): Promise<number> {
  const inputs = page.locator('input[data-testid^="score-"]');
  const n = await inputs.count();
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const input = inputs.nth(i);
    if ((await input.inputValue()) === '') {
      await input.fill(score);
      filled++;
    }
  }
  // Leave the last input so its value is committed to the form.
  await page.keyboard.press('Tab');
  return filled;
}

async function openMine(page: Page, cycleText: RegExp) {
  await page.goto('/appraisal/mine');
  await page.getByRole('link', { name: cycleText }).first().click();
  await page.waitForURL(/\/appraisal\/appraisals\/\d+/);
  await settle(page);
}

describe.skipIf(!CHROMIUM)('performance appraisal in the browser', () => {
  let harness: Harness;
  let page: Page;
  const month = new Date().toISOString().slice(0, 7);
  const monthly = new RegExp(`${month} 月度考核`);
  let appraisalUrl = '';

  beforeAll(async () => {
    harness = await startHarness(CHROMIUM!);
    page = await harness.newPage(DESKTOP);
  });
  afterAll(async () => {
    await harness?.close();
    expect(harness?.problems ?? []).toEqual([]);
  });

  it('the employee fills in the monthly self-assessment', async () => {
    await login(page, 'pm');
    await openMine(page, monthly);
    appraisalUrl = new URL(page.url()).pathname;
    const form = page.locator('[data-testid=self-form]');
    await form.getByText('《月度绩效考核自评表》').waitFor();
    // Objective items arrive computed, with their data or an honest "no data".
    await page.locator('[data-testid=objective-cell]').first().waitFor();
    await page.getByText(/无数据：/).first().waitFor();
    expect(await fillEmptyScores(page, '86')).toBeGreaterThan(5);
    await page.locator('[data-testid=self-summary]').fill('本月完成园区能源项目调研与方案设计，里程碑按期。');
    await screenshot(page, 'appraisal-self-assessment');
    await page.locator('[data-testid=submit-self]').click();
    await page.getByText('待上级评价').first().waitFor();
    await logout(page);
  });

  it('the supervisor evaluates beside the self score, then records the feedback conversation', async () => {
    await login(page, 'deputy');
    await page.goto('/appraisal/to-evaluate');
    await page.locator('[data-testid="evaluate-陈静"]').first().click();
    await page.waitForURL(appraisalUrl);
    const form = page.locator('[data-testid=supervisor-form]');
    await form.getByText('《月度绩效考核评价表》').waitFor();
    await fillEmptyScores(page, '88');
    await page.locator('[data-testid=supervisor-comment]').fill('项目推进有力，成本台账需及时更新。');
    await screenshot(page, 'appraisal-supervisor-evaluation');
    await page.locator('[data-testid=submit-supervisor]').click();
    await page.locator('[data-testid=feedback-card]').waitFor();
    await page.locator('[data-testid=feedback-strengths]').fill('计划细致，里程碑按期');
    await page.locator('[data-testid=feedback-problems]').fill('成本台账更新不及时');
    await page.locator('[data-testid=feedback-plan]').fill('费用发生后三日内入账');
    await page.locator('[data-testid=submit-feedback]').click();
    await page.getByText('计划细致，里程碑按期').waitFor();
    await logout(page);
  });

  it('the employee acknowledges the feedback', async () => {
    await login(page, 'pm');
    await page.goto(appraisalUrl);
    await page.locator('[data-testid=acknowledge]').click();
    await page.locator('[data-testid=ack-comment]').fill('认可，按改进计划执行');
    await page.locator('[data-testid=answer-ok]').click();
    await page.getByText('待校准定稿').first().waitFor();
    await screenshot(page, 'appraisal-acknowledged');
    // My appraisals: last month's finalized result draws the trend.
    await page.goto('/appraisal/mine');
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'appraisal-mine');
    await logout(page);
  });

  it('HR finalizes and reads the cycle report', async () => {
    await login(page, 'hr');
    await page.goto(appraisalUrl);
    await page.locator('[data-testid=finalize]').click();
    await page.locator('[data-testid=finalize-ok]').click();
    await page.getByText('已定稿').first().waitFor();
    await page.goto('/appraisal/cycles');
    await page.locator(`[data-testid="cycle-${month}"]`).click();
    await page.getByText('员工进度').waitFor();
    await screenshot(page, 'appraisal-cycle-dashboard');
    await page.locator('[data-testid=cycle-report]').click();
    await page.getByText('等级分布').waitFor();
    await page.getByText('排名').first().waitFor();
    await screenshot(page, 'appraisal-report');
    await page.goto('/appraisal/results');
    await page.getByText('绩效奖金').first().waitFor();
    await page.locator('tr', { hasText: '陈静' }).getByText(month).first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.ant-spin-blur').length === 0);
    await screenshot(page, 'appraisal-results');
    await logout(page);
  });

  it('a customer fills in the review form from a signed link, once', async () => {
    await login(page, 'pm');
    await page.goto('/appraisal/to-evaluate');
    await page.locator('tr', { hasText: '年度考核' }).locator('[data-testid="evaluate-刘洋"]').click();
    await page.locator('[data-testid=reviews-card]').waitFor();
    await screenshot(page, 'appraisal-annual-reviews');
    await page.locator('[data-testid=customer-link]').click();
    await page.locator('[data-testid=customer-reviewer]').fill('吴涛（项目总监）');
    await page.getByRole('dialog').getByRole('button', { name: /生成链接/ }).click();
    const url = (await page.locator('[data-testid=customer-link-url]').innerText()).trim();
    expect(url).toMatch(/\/review\/\d+\.\d+\.[\w-]+$/);
    await screenshot(page, 'appraisal-customer-link');

    const customer = await harness.newPage(PHONE);
    await customer.goto(url);
    await customer.getByText('《年度绩效考核客户评价表》').waitFor();
    for (const item of ['serviceQuality', 'responsiveness', 'professionalism', 'overall']) {
      await customer.locator(`[data-testid=rate-${item}] li`).nth(item === 'responsiveness' ? 3 : 4).click();
    }
    await customer.locator('[data-testid=customer-comment]').fill('方案专业，响应很快。');
    await screenshot(customer, 'appraisal-customer-form');
    await customer.locator('[data-testid=customer-submit]').click();
    await customer.getByText('感谢您的评价！').waitFor();
    await customer.goto(url);
    await customer.getByText('该链接已提交过评价').waitFor();
    await screenshot(customer, 'appraisal-customer-link-used');
    await customer.goto(url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    await customer.getByText('评价链接无效').waitFor();
  });

  it('the appraisal page reads on a phone', async () => {
    const phone = await harness.newPage(PHONE);
    await login(phone, 'pm');
    await phone.goto(appraisalUrl);
    await phone.getByText('《月度绩效考核评价表》').waitFor();
    await screenshot(phone, 'appraisal-phone');
  });
});
