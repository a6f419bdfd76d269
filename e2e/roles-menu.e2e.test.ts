import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './support/chromium.js';
import { startHarness, type Harness } from './support/harness.js';
import { login, menuTexts, screenshot } from './support/flows.js';

const CHROMIUM = findChromium();

const EVERYONE = ['工作台', '组织架构', '部门管理', '角色与权限'];

// What each role finds in the side menu, from the permissions /api/auth/me answers.
const EXPECTED: Record<string, { has: string[]; lacks: string[] }> = {
  admin: { has: ['用户管理', 'API 令牌', '审计日志'], lacks: ['通讯录'] },
  hr: { has: ['用户管理'], lacks: ['通讯录', 'API 令牌', '审计日志'] },
  leader: { has: ['通讯录', '审计日志'], lacks: ['用户管理', 'API 令牌'] },
  manager: { has: ['通讯录'], lacks: ['用户管理', 'API 令牌', '审计日志'] },
  deputy: { has: ['通讯录'], lacks: ['用户管理', 'API 令牌', '审计日志'] },
  pm: { has: ['通讯录'], lacks: ['用户管理', 'API 令牌', '审计日志'] },
  specialist: { has: ['通讯录'], lacks: ['用户管理', 'API 令牌', '审计日志'] },
  specialist2: { has: ['通讯录'], lacks: ['用户管理', 'API 令牌', '审计日志'] },
  marketing: { has: ['通讯录'], lacks: ['用户管理', 'API 令牌', '审计日志'] },
  finance: { has: ['通讯录'], lacks: ['用户管理', 'API 令牌', '审计日志'] },
};

describe.skipIf(!CHROMIUM)('side menu per role', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(CHROMIUM!);
  });
  afterAll(async () => {
    await harness?.close();
    expect(harness?.problems ?? []).toEqual([]);
  });

  for (const [username, expected] of Object.entries(EXPECTED)) {
    it(`${username} sees the entries of their role`, async () => {
      const page = await harness.newPage();
      await login(page, username);
      const texts = await menuTexts(page);
      for (const entry of [...EVERYONE, ...expected.has]) expect(texts, `${username} should see ${entry}`).toContain(entry);
      for (const entry of expected.lacks) expect(texts, `${username} should not see ${entry}`).not.toContain(entry);
      if (username === 'admin' || username === 'manager' || username === 'leader') await screenshot(page, `home-${username}`);
      await page.context().close();
    });
  }

  it('a page outside the role answers "no access" instead of loading', async () => {
    const page = await harness.newPage();
    await login(page, 'specialist');
    await page.goto('/audit-log');
    await page.getByText('无权访问').waitFor();
    await screenshot(page, 'forbidden-specialist');
    await page.context().close();
  });
});
