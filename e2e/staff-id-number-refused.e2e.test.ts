import { idNumberCheckChar } from '@niangjia/contracts/id-number';
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('staff editing a member get impossible ID numbers refused on the field', () => {
  const journey = useJourney({ viewport: { width: 1280, height: 800 } });

  it('says 身份证号校验位错误 and 未满16周岁 under 新身份证号', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'staff-id-number-refused', async () => {
      await signInToAdmin(page, 'jb.admin', '/admin/members');
      // Rows come in creation order, which ties across the seeded members: pick one whose status allows editing.
      const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').filter({ has: page.locator('.ant-tag', { hasText: /^正常$/ }) }).first();
      await firstRow.waitFor();
      await firstRow.locator('td').first().locator('a').click();
      await page.getByTestId('member-title').waitFor();
      await page.getByTestId('edit-member').click();

      const modal = page.locator('.ant-modal');
      const input = modal.getByLabel('新身份证号');
      const item = modal.locator('.ant-form-item').filter({ hasText: '新身份证号' });
      const error = item.locator('.ant-form-item-explain-error');

      const good = '50010519900315123';
      const wrongCheck = good + (idNumberCheckChar(good) === '1' ? '2' : '1');
      await input.fill(wrongCheck);
      await error.filter({ hasText: '身份证号校验位错误' }).waitFor();

      const child = '50010520150601123';
      await input.fill(child + idNumberCheckChar(child));
      await error.filter({ hasText: '未满16周岁' }).waitFor();

      // Saving is refused while the field is wrong: the dialog stays open with the message.
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await error.filter({ hasText: '未满16周岁' }).first().waitFor();
      await expect.poll(() => item.getByText('未满16周岁').count()).toBe(1);
      await modal.waitFor();
    });
  });
});
