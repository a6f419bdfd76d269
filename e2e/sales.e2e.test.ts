import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { withUsccCheck } from '@domain/sales/uscc.rules.js';
import { findChromium } from './support/chromium.js';
import { PHONE, startHarness, type Harness } from './support/harness.js';
import { chooseOption, login, screenshot } from './support/flows.js';

const CHROMIUM = findChromium();

const LEAD = '集团财务共享中心建设咨询';
const CUSTOMER = '上海申江联合物产集团有限公司';
const PROPOSAL = `${LEAD}方案`;
const CONTRACT = `${LEAD}服务合同`;
const POOL_CUSTOMER = '杭州钱塘新材料股份有限公司';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Latin words allowed on a zh-CN page: the brand and file types. Acronyms in capitals (record codes,
 * names like "MES" in the data) are fine; any other word is English leaking through the UI.
 */
const ALLOWED_LATIN = /^(Yunying|pdf|doc|docx|xls|xlsx|ppt|pptx|png|jpg|jpeg|txt|zip|csv)$/;

async function expectChineseOnly(page: Page): Promise<void> {
  const text = await page.locator('.app-content').innerText();
  const leaks = (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => /[a-z]/.test(w) && !ALLOWED_LATIN.test(w));
  expect(leaks, `English on ${page.url()}`).toEqual([]);
}

/** The antd Select whose search input carries this id (Form.Item gives the field's name as id). */
function selectOf(scope: Page | Locator, id: string): Locator {
  return scope.locator(`#${id}`).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');
}

async function pickDate(page: Page, id: string, date: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function confirmPopover(page: Page): Promise<void> {
  const pop = page.locator('.ant-popover:visible .ant-popconfirm-buttons');
  await pop.waitFor();
  await pop.locator('.ant-btn-primary').click();
}

async function messageShown(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
}

describe.skipIf(!CHROMIUM)('business intake: lead → evaluation → needs analysis → proposal review → contract → project', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(CHROMIUM!);
  });
  afterAll(async () => {
    await harness?.close();
    expect(harness?.problems ?? []).toEqual([]);
  });

  it('runs the whole intake with the people who do it', async () => {
    // 1. Marketing registers a lead for a new customer, with an attachment.
    const marketing = await harness.newPage();
    await login(marketing, 'marketing');
    await marketing.goto('/leads/new');
    const leadForm = marketing.locator('[data-testid=lead-form]');
    await leadForm.waitFor();
    await leadForm.locator('#title').fill(LEAD);
    await chooseOption(marketing, selectOf(leadForm, 'channel'), '展会');
    await leadForm.locator('#referrer').fill('华东区展会接待');
    await leadForm.getByText('按公司名称登记', { exact: true }).click();
    await leadForm.locator('#newCustomer_name').fill(CUSTOMER);
    await leadForm.locator('#newCustomer_uscc').fill(withUsccCheck('91310000MA1K12345'));
    await chooseOption(marketing, selectOf(leadForm, 'newCustomer_industry'), '金融');
    await leadForm.locator('#newCustomer_region').fill('华东');
    await chooseOption(marketing, selectOf(leadForm, 'newCustomer_size'), '集团');
    await leadForm.locator('#contactName').fill('钱慧');
    await leadForm.locator('#contactPhone').fill('13900001234');
    await leadForm.locator('#needs').fill('集团下属 30 家子公司财务核算分散，希望建设财务共享中心，统一核算口径并缩短月结时间。');
    await leadForm.locator('#expectedValueFen').fill('380000');
    await leadForm.getByText('较急', { exact: true }).click();
    await leadForm.locator('input[type=file]').setInputFiles({ name: '客户需求说明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await leadForm.locator('.ant-upload-list-item-done').waitFor();
    await expectChineseOnly(marketing);
    await screenshot(marketing, 'sales-01-lead-register');
    await marketing.locator('[data-testid=lead-submit]').click();
    await marketing.waitForURL(/\/leads\/\d+$/);
    const leadPath = new URL(marketing.url()).pathname;
    await marketing.getByText('等待部门经理评估').waitFor();
    await screenshot(marketing, 'sales-02-lead-registered');
    await marketing.context().close();

    // 2. The manager accepts it from the evaluation queue and assigns it to a specialist.
    const manager = await harness.newPage();
    await login(manager, 'manager');
    await manager.goto('/leads/evaluation');
    const row = manager.locator('.ant-list-item').filter({ hasText: LEAD });
    await row.waitFor();
    await expectChineseOnly(manager);
    await screenshot(manager, 'sales-03-evaluation-queue');
    await row.getByRole('button', { name: /^受\s?理$/ }).click();
    const evaluate = manager.locator('[data-testid=evaluate-form]');
    await evaluate.locator('#reason').fill('符合集团客户拓展方向，金额与能力匹配');
    await manager.locator('[data-testid=evaluate-ok]').click();
    await messageShown(manager, '已受理');
    const assignRow = manager.locator('.ant-list-item').filter({ hasText: LEAD });
    await assignRow.getByRole('button', { name: /分\s?配/ }).click();
    const assignForm = manager.locator('[data-testid=assign-form]');
    await chooseOption(manager, assignForm.locator('.ant-select').first(), '刘洋');
    await assignForm.locator('#note').fill('请一周内完成需求调研');
    await manager.locator('[data-testid=assign-ok]').click();
    await messageShown(manager, '已分配给 刘洋');
    await manager.goto(leadPath);
    await manager.getByText('等待 刘洋 提交需求分析报告').waitFor();
    await screenshot(manager, 'sales-04-lead-assigned');

    // 3. The specialist finds it in "my work", writes the needs analysis and a proposal.
    const specialist = await harness.newPage();
    await login(specialist, 'specialist');
    await specialist.goto('/my-work');
    await specialist.locator('[data-testid=my-work-analyze-lead]').getByText(LEAD).click();
    await specialist.waitForURL(`**${leadPath}`);
    const needs = specialist.locator('[data-testid=needs-form]');
    await needs.locator('#background').fill('客户集团化管控升级，财务人员分散在各子公司，月结需 12 个工作日。');
    await needs.locator('#requirements_0_item').fill('统一会计科目与核算规则');
    await needs.getByRole('button', { name: '添加需求' }).click();
    await needs.locator('#requirements_1_item').fill('费用报销线上化');
    await needs.locator('#requirements_1_note').fill('覆盖移动端审批');
    await needs.locator('#expectations').fill('月结缩短到 5 个工作日');
    await needs.locator('#constraints').fill('须与现有用友系统对接');
    await needs.locator('#budgetMinFen').fill('300000');
    await needs.locator('#budgetMaxFen').fill('450000');
    await needs.locator('#decisionMakers').fill('集团财务总监、总经理');
    await needs.locator('#timeline').fill('2027 年 1 月启动，6 月上线');
    await screenshot(specialist, 'sales-05-needs-analysis');
    await specialist.locator('[data-testid=needs-submit]').click();
    await messageShown(specialist, '需求分析报告已提交');
    await specialist.locator('[data-testid=lead-draft-proposal]').click();
    await specialist.waitForURL(/\/proposals\/new\?leadId=\d+/);
    const proposalForm = specialist.locator('[data-testid=proposal-form]');
    await expect.poll(() => proposalForm.locator('#title').inputValue()).toBe(PROPOSAL);
    await proposalForm.locator('#goals').fill('建成集团财务共享中心，月结周期由 12 天缩短到 5 天');
    await proposalForm.locator('#workContent').fill('1. 现状诊断与流程梳理\n2. 共享中心组织与流程设计\n3. 系统配置与试点上线');
    await proposalForm.locator('#milestones_0_name').fill('现状诊断');
    await pickDate(specialist, 'milestones_0_start', '2027-01-04');
    await pickDate(specialist, 'milestones_0_end', '2027-02-26');
    await proposalForm.locator('#milestones_0_deliverable').fill('诊断报告');
    await proposalForm.getByRole('button', { name: '添加里程碑' }).click();
    await proposalForm.locator('#milestones_1_name').fill('设计与试点');
    await pickDate(specialist, 'milestones_1_start', '2027-03-01');
    await pickDate(specialist, 'milestones_1_end', '2027-06-30');
    await proposalForm.locator('#milestones_1_deliverable').fill('试点验收报告');
    await proposalForm.locator('#budgetLines_0_item').fill('咨询服务（人天）');
    await proposalForm.locator('#budgetLines_0_amountFen').fill('300000');
    await proposalForm.getByRole('button', { name: '添加预算科目' }).click();
    await proposalForm.locator('#budgetLines_1_item').fill('差旅及会务');
    await proposalForm.locator('#budgetLines_1_amountFen').fill('20000');
    await proposalForm.locator('#assumptions').fill('客户指定财务共享项目负责人');
    await expect.poll(() => specialist.locator('[data-testid=budget-total]').innerText()).toContain('¥320,000.00');
    await expectChineseOnly(specialist);
    await screenshot(specialist, 'sales-06-proposal-editor');
    await specialist.locator('[data-testid=proposal-save-submit]').click();
    await specialist.waitForURL(/\/proposals\/\d+$/);
    const proposalPath = new URL(specialist.url()).pathname;
    await specialist.getByText('当前等待 李明 审批').waitFor();
    await screenshot(specialist, 'sales-07-proposal-submitted');

    // 4. The manager returns it once with a comment, from the approval page.
    await manager.goto('/approvals');
    await manager.locator('.ant-list-item').filter({ hasText: PROPOSAL }).first().waitFor();
    await screenshot(manager, 'sales-08-approvals-pending');
    await manager.locator('.ant-list-item').filter({ hasText: PROPOSAL }).first().locator('a').click();
    await manager.waitForURL(/\/approvals\/\d+$/);
    const approvalPath = new URL(manager.url()).pathname;
    await manager.locator('[data-testid=approval-return]').click();
    await manager.locator('[data-testid=decision-form] #comment').fill('咨询人天偏低，请补充试点阶段的上线支持，并把差旅费按 3 次现场测算');
    await manager.locator('[data-testid=decision-ok]').click();
    await messageShown(manager, '已退回');
    await manager.getByText('李明 退回').waitFor();
    await screenshot(manager, 'sales-09-approval-returned');

    // 5. The specialist sees why in the notifications, revises and resubmits; the versions show what changed.
    await specialist.goto('/notifications');
    const returnedNote = specialist.locator('.notification-item').filter({ hasText: '退回' }).first();
    await returnedNote.waitFor();
    await expect.poll(async () => Number((await specialist.locator('[data-testid=notification-bell] .ant-badge-count').first().textContent()) ?? 0)).toBeGreaterThan(0);
    await expectChineseOnly(specialist);
    await screenshot(specialist, 'sales-10-notifications');
    await returnedNote.locator('.notification-title').click();
    await specialist.waitForURL(`**${proposalPath}`);
    await specialist.locator('[data-testid=returned-comment]').getByText('咨询人天偏低').waitFor();
    await specialist.locator('[data-testid=proposal-edit]').click();
    await specialist.waitForURL(`**${proposalPath}/edit`);
    await proposalForm.locator('#budgetLines_0_amountFen').waitFor();
    await expect.poll(() => proposalForm.locator('#budgetLines_0_item').inputValue()).toBe('咨询服务（人天）');
    await proposalForm.locator('#budgetLines_0_amountFen').fill('330000');
    await proposalForm.locator('#budgetLines_1_amountFen').fill('30000');
    await proposalForm.locator('#budgetLines_1_note').fill('3 次现场，每次 1 万元');
    await proposalForm.locator('#workContent').fill('1. 现状诊断与流程梳理\n2. 共享中心组织与流程设计\n3. 系统配置与试点上线\n4. 上线后一个月驻场支持');
    await proposalForm.locator('#milestones_1_deliverable').fill('试点验收报告、上线支持记录');
    await specialist.locator('[data-testid=proposal-save-submit]').click();
    await specialist.waitForURL(`**${proposalPath}`);
    await specialist.getByRole('tab', { name: /版本记录/ }).click();
    await specialist.locator('[data-testid=diff-2]').waitFor();
    await expect.poll(() => specialist.locator('[data-testid=diff-2]').innerText()).toContain('上线后一个月驻场支持');
    await expectChineseOnly(specialist);
    await screenshot(specialist, 'sales-11-version-diff');

    // 6. On a phone the manager approves the revision (375 px wide).
    const phone = await harness.newPage(PHONE);
    await login(phone, 'manager');
    await phone.goto('/approvals');
    await phone.locator('.ant-list-item').filter({ hasText: PROPOSAL }).first().locator('a').click();
    // The resubmission opened a new approval (each submitted version is judged on its own).
    await phone.waitForURL((url) => /\/approvals\/\d+$/.test(url.pathname) && url.pathname !== approvalPath);
    await phone.locator('[data-testid=approval-approve]').waitFor();
    await phone.getByText('当前等待 李明 审批').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectChineseOnly(phone);
    await screenshot(phone, 'sales-12-approval-phone');
    await phone.locator('[data-testid=approval-approve]').click();
    await phone.locator('[data-testid=decision-form] #comment').fill('同意，注意回款节点');
    await phone.locator('[data-testid=decision-ok]').click();
    await messageShown(phone, '已同意');
    await phone.getByText('李明 同意').waitFor();
    await screenshot(phone, 'sales-13-approval-phone-approved');
    await phone.context().close();

    // 7. The specialist sends it, records a negotiation round, and the customer accepts.
    await specialist.goto(proposalPath);
    await specialist.locator('[data-testid=proposal-send]').click();
    await confirmPopover(specialist);
    await messageShown(specialist, '已标记为发送客户');
    await specialist.locator('[data-testid=proposal-negotiate]').click();
    const negotiation = specialist.locator('[data-testid=negotiation-form]');
    await negotiation.locator('#participants').fill('客户财务总监钱慧、采购部；我方刘洋');
    await negotiation.locator('#points').fill('客户希望首付款比例降到 30%，试点范围先覆盖 10 家子公司');
    await negotiation.locator('#outcome').fill('同意分两期付款，按里程碑结算');
    await specialist.locator('[data-testid=negotiation-ok]').click();
    await messageShown(specialist, '洽谈记录已保存');
    await specialist.getByRole('tab', { name: /商务洽谈/ }).click();
    await specialist.locator('[data-testid=negotiations]').getByText('第 1 轮').waitFor();
    await specialist.locator('[data-testid=proposal-customer-accept]').click();
    await confirmPopover(specialist);
    await messageShown(specialist, '已记录客户接受');
    await screenshot(specialist, 'sales-14-negotiation-accepted');

    // 8. The specialist drafts the contract from the accepted proposal; the schedule must add up.
    await specialist.locator('[data-testid=proposal-create-contract]').click();
    await specialist.waitForURL(/\/contracts\/new\?proposalId=\d+/);
    const contractForm = specialist.locator('[data-testid=contract-form]');
    await expect.poll(() => contractForm.locator('#partyA').inputValue()).toBe(CUSTOMER);
    await expect.poll(() => contractForm.locator('#amountFen').inputValue()).toBe('360,000.00');
    await contractForm.locator('#partyB').fill('运营示范科技有限公司');
    await contractForm.locator('#instalments_0_name').fill('合同签订后预付 30%');
    await contractForm.locator('#instalments_0_amountFen').fill('108000');
    await specialist.locator('[data-testid=instalment-balance]').getByText('少 ¥72,000.00').waitFor();
    await screenshot(specialist, 'sales-15-contract-unbalanced');
    await contractForm.locator('#instalments_1_name').fill('试点验收后付尾款');
    await contractForm.locator('#instalments_1_amountFen').fill('252000');
    await specialist.locator('[data-testid=instalment-balance]').getByText('与合同金额一致').waitFor();
    await contractForm.locator('#terms').fill('乙方按里程碑交付；甲方按付款计划支付；双方对项目资料保密。');
    await expectChineseOnly(specialist);
    await screenshot(specialist, 'sales-16-contract-form');
    await specialist.locator('[data-testid=contract-save]').click();
    await specialist.waitForURL(/\/contracts\/\d+$/);
    const contractPath = new URL(specialist.url()).pathname;
    await specialist.getByText(/YY-\d{4}-\d{4}/).first().waitFor();
    await screenshot(specialist, 'sales-17-contract-draft');

    // 9. The manager signs it from "my work"; the project appears in the project list.
    await manager.goto('/my-work');
    await manager.locator('[data-testid=my-work-sign-contract]').getByText(CONTRACT).waitFor();
    await expectChineseOnly(manager);
    await screenshot(manager, 'sales-my-work');
    await manager.locator('[data-testid=my-work-sign-contract]').getByText(CONTRACT).click();
    await manager.waitForURL(`**${contractPath}`);
    await manager.locator('[data-testid=contract-sign]').click();
    await manager.locator('[data-testid=sign-ok]').click();
    await messageShown(manager, '合同已签订');
    await manager.locator('[data-testid=contract-project]').waitFor();
    await screenshot(manager, 'sales-18-contract-signed');
    await manager.locator('[data-testid=contract-project]').click();
    await manager.waitForURL(/\/projects\/\d+$/);
    await manager.getByText(CONTRACT).first().waitFor();
    await manager.locator('.app-content .ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 30_000 });
    await screenshot(manager, 'sales-19-project');
    await manager.goto('/projects');
    await manager.locator('.app-content').getByText(CONTRACT).first().waitFor();
    await expect(manager.locator('.app-content').getByText('筹备中').count()).resolves.toBeGreaterThan(0);
    await expectChineseOnly(manager);
    await screenshot(manager, 'sales-20-projects');

    // The pipeline as the manager sees it afterwards.
    await manager.goto('/sales/kanban');
    await manager.locator('[data-testid=kanban]').waitFor();
    await manager.locator('[data-testid=kanban-kind]').getByText('方案').click();
    await manager.locator('[data-testid=kanban-accepted]').getByText(PROPOSAL).waitFor();
    await expectChineseOnly(manager);
    await screenshot(manager, 'sales-kanban');
    await manager.goto('/sales/funnel');
    await manager.locator('[data-testid=funnel-chart] canvas').waitFor();
    await expectChineseOnly(manager);
    await screenshot(manager, 'sales-funnel');
    await manager.context().close();
    await specialist.context().close();
  }, 360_000);

  it('refuses a duplicate customer, and a specialist claims a new one from the pool', async () => {
    // Marketing records a customer it met; without a business owner it starts in the pool.
    const marketing = await harness.newPage();
    await login(marketing, 'marketing');
    await marketing.goto('/customers');
    await marketing.getByRole('button', { name: '新建客户' }).click();
    const form = marketing.locator('[data-testid=customer-form]');
    await form.waitFor();
    await form.locator('#name').fill(POOL_CUSTOMER);
    await form.locator('#uscc').fill('913301001234567890');
    await form.locator('#region').click();
    await form.getByText('统一社会信用代码不正确').waitFor();
    await form.locator('#uscc').fill(withUsccCheck('91330100MA2J54321'));
    await chooseOption(marketing, selectOf(form, 'industry'), '制造业');
    await form.locator('#region').fill('华东');
    await form.locator('#contactName').fill('沈立');
    await form.locator('#contactPhone').fill('13700005678');
    await screenshot(marketing, 'sales-customer-form');
    await marketing.getByRole('dialog').getByRole('button', { name: /保\s?存/ }).click();
    await marketing.waitForURL(/\/customers\/\d+$/);
    await marketing.getByText('公海', { exact: true }).first().waitFor();
    await expectChineseOnly(marketing);
    await screenshot(marketing, 'sales-customer-detail');

    // The same company again (name with different brackets and spacing) is refused with a clear message.
    await marketing.goto('/customers');
    await marketing.getByRole('button', { name: '新建客户' }).click();
    await form.locator('#name').fill(POOL_CUSTOMER.replace('有限公司', ' 有限公司'));
    await chooseOption(marketing, selectOf(form, 'industry'), '制造业');
    await form.locator('#region').fill('华东');
    await marketing.getByRole('dialog').getByRole('button', { name: /保\s?存/ }).click();
    await form.getByText(`已存在同名或同一统一社会信用代码的客户：${POOL_CUSTOMER}`).waitFor();
    await screenshot(marketing, 'sales-customer-duplicate');
    await marketing.context().close();

    // A specialist claims it from the pool and becomes its owner.
    const page = await harness.newPage();
    await login(page, 'specialist2');
    await page.goto('/customers/pool');
    const row = page.locator('.ant-table-row').filter({ hasText: POOL_CUSTOMER });
    await row.waitFor();
    await expectChineseOnly(page);
    await screenshot(page, 'sales-pool');
    await row.getByRole('button', { name: /认\s?领/ }).click();
    await confirmPopover(page);
    await messageShown(page, `已认领「${POOL_CUSTOMER}」`);
    await page.goto('/customers');
    await page.locator('#q').fill('钱塘新材料');
    await page.locator('#q').press('Enter');
    await page.locator('.ant-table-row').filter({ hasText: POOL_CUSTOMER }).getByText('赵敏').waitFor();
    await page.context().close();
  });
});
