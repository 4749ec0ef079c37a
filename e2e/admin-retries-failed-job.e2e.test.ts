import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cjk, DEMO_PASSWORD, signInToAdmin } from './support/admin';
import { signInStaffApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

/** POSTs a file as the body (the import routes take the .xlsx itself), signed in as a demo account. */
async function uploadAs(baseURL: string, login: string, path: string, file: Buffer): Promise<Response> {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return fetch(`${baseURL}/api/v1${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, body: new Uint8Array(file) });
}

describe.skipIf(!canRun)('后台任务: an administrator finds a failed job and retries it', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('lists the failed import check with its error, runs it again on 重试, and audits that', { timeout: 120_000 }, async () => {
    const { server, session } = journey;
    const a = session.page;
    // A positions import whose sheet has its headers and no rows: the check job fails (文件中没有数据行).
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('阵地').addRow(['编码', '名称']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const admin = await signInStaffApi(server.baseURL, 'admin');
    const upload = await uploadAs(server.baseURL, 'admin', `/positions/imports?fileName=${encodeURIComponent('空表.xlsx')}`, file);
    expect(upload.status).toBe(202);
    const batch = (await upload.json()) as { id: string };
    await expect.poll(async () => (await admin.get<{ status: string }>(`/jobs/${batch.id}`)).status, { timeout: 30_000 }).toBe('failed');

    await withScreenshotOnFailure(session, 'jobs-retry', async () => {
      await signInToAdmin(a, 'admin', '/admin/jobs');
      const row = a.locator('tr', { hasText: '阵地导入检查' }).filter({ has: a.getByTestId('job-retry') }).first();
      await row.waitFor();
      expect(await row.getByTestId('job-status').innerText()).toBe('失败');
      expect((await row.getByTestId('job-error').innerText()).length).toBeGreaterThan(2);
      await saveScreenshot(a, 'jobs-failed-1366');
      const overflow = await a.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await row.getByTestId('job-retry').click();
      await a.locator('.ant-popover').getByRole('button', { name: cjk('重试') }).click();
      await a.getByText('已重新排队').waitFor();
      // It ran again (the same file fails the same way) and the retry is in the audit log.
      await expect.poll(async () => {
        const job = await admin.get<{ status: string; attempts: number; startedAt: string | null }>(`/jobs/${batch.id}`);
        return `${job.status}/${job.attempts}`;
      }, { timeout: 30_000 }).toBe('failed/1');
      const audit = await admin.get<{ items: { action: string }[] }>(`/audit-entries?entityType=job&entityId=${batch.id}`);
      expect(audit.items.map((e) => e.action)).toEqual(['job.retry']);
      // The 定时任务 card lists the platform's schedules.
      await a.getByTestId('schedules').getByText('清理旧消息').waitFor();
    });
  });
});
