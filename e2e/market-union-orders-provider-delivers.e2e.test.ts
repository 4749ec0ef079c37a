import { describe, expect, it } from 'vitest';
import { cjk, signInToAdmin } from './support/admin';
import { signInStaffApi, signInWorkerApi } from './support/api';
import { checkBrowser, openBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { PNG } from './support/market';

const { canRun } = checkBrowser();
const DEMO_PROVIDER_PHONE = '13900000001';
const DEMO_MEMBER_PHONE = '13800000002';
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 点单 from end to end: a grassroots union orders a library project in the console, the provider
 * confirms in its portal, scans a member's card at the service and records the delivery with a
 * photo, and the union rates it.
 */
describe.skipIf(!canRun)('a union orders a service and the provider delivers it', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('orders, confirms, counts attendance, delivers and rates', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    let number = '';
    await withScreenshotOnFailure(journey.session, 'market-order-union', async () => {
      await signInToAdmin(page, 'sf.admin', '/admin/market/library');
      const card = page.getByTestId('library-card').filter({ hasText: '个人整体形象设计' });
      await card.getByText('点单').click();
      const modal = page.locator('.ant-modal').filter({ hasText: '点单：个人整体形象设计' });
      // sf.admin has one union: it is chosen already.
      await modal.getByText('顺丰速运重庆有限公司工会', { exact: true }).waitFor();
      const date = modal.getByLabel('服务日期');
      await date.click();
      await date.fill(today());
      await date.press('Enter');
      await modal.getByLabel('参加人数').fill('12');
      await modal.getByText('单位地址').click();
      await modal.getByLabel('地址', { exact: true }).fill('顺丰速运观音桥营业部三楼会议室');
      // The quote: ¥60 a person × 12 = ¥720, half subsidised.
      await modal.getByTestId('order-quote').getByText('¥720.00').waitFor();
      await modal.getByTestId('order-quote').getByText('¥360.00').first().waitFor();
      await saveScreenshot(page, 'market-order-modal');
      await modal.getByRole('button', { name: '提交订单' }).click();
      await page.waitForURL(/\/admin\/market\/orders\/[0-9a-f-]{36}$/);
      const drawer = page.locator('.ant-drawer');
      await drawer.getByText('待确认').waitFor();
      number = ((await drawer.locator('.ant-drawer-title').innerText()).split(' · ')[0] ?? '').trim();
      expect(number).toMatch(/^DD\d{11}$/);
    });

    // The provider (宗君职业技能培训学校) signs in with a phone code and delivers.
    const member = await signInWorkerApi(journey.server, DEMO_MEMBER_PHONE);
    const { token } = await member.get<{ token: string }>('/members/me/card');
    const desk = await openBrowser({ baseURL: journey.server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(desk, 'market-order-provider', async () => {
        const p = desk.page;
        await p.goto('/admin/login?next=%2Fadmin%2Fportal%2Forders');
        await p.getByRole('tab', { name: '验证码登录' }).click();
        await p.getByRole('textbox', { name: '手机号', exact: true }).fill(DEMO_PROVIDER_PHONE);
        const since = journey.server.output().length;
        await p.getByRole('button', { name: '获取验证码' }).click();
        await p.getByTestId('sms-code').fill(await journey.server.waitForSmsCode({ since }));
        await p.getByRole('button', { name: /登\s*录/ }).last().click();
        await p.waitForURL(/\/admin\/portal\/orders/);
        const row = p.locator('.ant-table-row').filter({ hasText: number });
        await row.getByRole('button', { name: '确认接单' }).click();
        await row.getByText('已确认').waitFor();
        await row.getByRole('button', { name: '服务登记' }).click();
        // A handheld scanner types the card's QR text and Enter into the focused box.
        const scan = p.getByPlaceholder(/用扫码枪扫描会员卡/);
        await scan.fill(token);
        await scan.press('Enter');
        await p.getByTestId('attendance-count').getByText('已签到 1 人次').waitFor();
        await scan.fill(token);
        await scan.press('Enter');
        await p.getByText(/已签到过/).waitFor();
        await p.getByTestId('delivery-photo-input').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
        await p.getByText('现场照片.png').waitFor();
        await saveScreenshot(p, 'market-provider-delivery');
        await p.getByRole('button', { name: '确认已完成服务' }).click();
        await p.getByText('已登记完成').waitFor();
      });
    } finally {
      await desk.close();
    }

    await withScreenshotOnFailure(journey.session, 'market-order-rate', async () => {
      await page.reload();
      const drawer = page.locator('.ant-drawer');
      await drawer.getByText('已服务').waitFor();
      await drawer.getByRole('button', { name: cjk('评价') }).click();
      const modal = page.locator('.ant-modal').filter({ hasText: '评价本次服务' });
      await modal.getByLabel('评价内容').fill('老师很专业，骑手们都说有用');
      await modal.getByRole('button', { name: cjk('确定') }).click();
      await drawer.getByText('老师很专业，骑手们都说有用').waitFor();
    });
    const admin = await signInStaffApi(journey.server.baseURL, 'sf.admin');
    const orders = await admin.get<{ items: { number: string; status: string; attendanceCount: number; rating: number }[] }>(`/market/orders?q=${number}`);
    expect(orders.items[0]).toMatchObject({ status: 'delivered', attendanceCount: 1, rating: 5 });
  });
});
