import { describe, expect, it } from 'vitest';
import { cjk } from './support/admin';
import { signInStaffApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { freshPhone, PNG } from './support/market';
import { makeCreditCode } from './support/uscc';

const { canRun } = checkBrowser();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** A provider registers in the console, is approved, creates a project, submits it and enters this year's competition. */
describe.skipIf(!canRun)('a provider registers and submits a project to the competition', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('registers with a phone code, then works in the provider portal', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const phone = freshPhone();
    const name = `江北暖心社会工作服务中心${Date.now() % 1000}`;
    const admin = await signInStaffApi(journey.server.baseURL, 'jb.admin');
    await withScreenshotOnFailure(journey.session, 'market-provider-register', async () => {
      await page.goto('/admin/login');
      await page.getByText('服务商入驻').last().click();
      await page.waitForURL(/\/admin\/register$/);
      await page.getByRole('textbox', { name: '手机号', exact: true }).fill(phone);
      const since = journey.server.output().length;
      await page.getByRole('button', { name: '获取验证码' }).click();
      await page.getByTestId('sms-code').fill(await journey.server.waitForSmsCode({ since }));
      await page.getByRole('button', { name: '验证并继续' }).click();

      await page.getByLabel('机构名称').fill(name);
      // A wrong check character is caught as it is typed (GB 32100).
      const code = makeCreditCode();
      await page.getByLabel('统一社会信用代码').fill(`${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`);
      await page.getByText('校验位错误（GB 32100），请核对').waitFor();
      await page.getByLabel('统一社会信用代码').fill(code);
      await page.getByLabel('联系人').fill('陈社工');
      await page.getByLabel('联系电话').fill(phone);
      await page.getByTestId('qualification-input').setInputFiles({ name: '民办非企业单位登记证书.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByText('民办非企业单位登记证书.pdf').waitFor();
      await saveScreenshot(page, 'market-provider-register-form');
      await page.getByRole('button', { name: '提交登记' }).click();
      // The step header always reads 登记已提交: wait for the result's own button, which comes with the server's answer.
      await page.getByRole('button', { name: '进入服务商平台' }).waitFor();

      // Staff approve it (their side of the review is covered by the integration tests).
      const pending = await admin.get<{ items: { id: string; version: number }[] }>(`/market/providers?status=pending&q=${encodeURIComponent(name)}`);
      await admin.send('POST', `/market/providers/${pending.items[0]!.id}/review`, { version: pending.items[0]!.version, decision: 'approve' });
      await page.getByRole('button', { name: '进入服务商平台' }).click();
      await page.getByTestId('provider-status').getByText('已通过审核').waitFor();

      // A project with a photo, saved and sent to review.
      await page.goto('/admin/portal/projects');
      await page.getByRole('button', { name: /新建项目/ }).click();
      const modal = page.locator('.ant-modal').filter({ hasText: '新建服务项目' });
      await modal.getByLabel('项目名称').fill('社区职工广场舞培训');
      await modal.getByText('文化活动', { exact: true }).click();
      await modal.getByLabel('项目介绍').fill('由国家二级社会体育指导员授课，八周教会一套广场舞，结业时可参加街道职工文艺汇演。');
      await modal.getByTestId('photo-input').setInputFiles({ name: '广场舞.png', mimeType: 'image/png', buffer: PNG });
      await modal.getByText('广场舞.png').waitFor();
      await modal.getByRole('button', { name: cjk('保存') }).click();
      const row = page.locator('.ant-table-row').filter({ hasText: '社区职工广场舞培训' });
      await row.waitFor();
      await row.getByRole('button', { name: '提交审核' }).click();
      await row.getByText('待审核').waitFor();
      const mine = await admin.get<{ items: { id: string; latest: { id: string } }[] }>(`/market/projects?q=${encodeURIComponent('社区职工广场舞培训')}`);
      await admin.send('POST', `/market/projects/${mine.items[0]!.id}/review`, { versionId: mine.items[0]!.latest.id, decision: 'approve' });

      // This year's season is open for entries: enter the approved project.
      await page.goto('/admin/portal/entries');
      await page.getByRole('button', { name: '报名参赛' }).first().click();
      const enter = page.locator('.ant-modal').filter({ hasText: '报名“' });
      await enter.locator('.ant-select').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '社区职工广场舞培训' }).click();
      await enter.getByRole('button', { name: '报名参赛' }).click();
      const entry = page.locator('.ant-table-row').filter({ hasText: '社区职工广场舞培训' });
      await entry.getByText('已报名').waitFor();
      await saveScreenshot(page, 'market-provider-entered');
    });
    const open = await admin.get<{ items: { id: string }[] }>('/market/seasons?stage=call');
    const entries = await admin.get<{ items: { project: { title: string }; status: string }[] }>(`/market/seasons/${open.items[0]!.id}/entries?pageSize=200`);
    expect(entries.items.find((e) => e.project.title === '社区职工广场舞培训')?.status).toBe('submitted');
  });
});
