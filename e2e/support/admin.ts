import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Niangjia@2026';

/** Signs in on the console's login page and waits for the layout. */
export async function signInToAdmin(page: Page, login: string, next = '/admin/'): Promise<void> {
  await page.goto(`/admin/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名或手机号').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** antd buttons put a space between two Chinese characters ("保 存"); match either way. */
export const cjk = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);
