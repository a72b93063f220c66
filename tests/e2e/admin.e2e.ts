import { expect, test } from '@playwright/test';
import { closeOpenedPages, openPage, signIn } from './helpers';

test.afterEach(closeOpenedPages);

test('an admin finds an account, disables it (its open page is signed out), reads the audit log, enables it and exports its data', async ({
  browser,
  page,
}) => {
  // A person of this test's own, so the demo accounts other tests sign in with are never disabled.
  const email = `shauna-${Date.now()}@example.org`;
  const password = 'a sturdy passphrase';
  const registered = await page.request.post('/api/auth/register', {
    data: { email, password, displayName: 'Shauna Quinn' },
  });
  expect(registered.status()).toBe(202);
  const shauna = await openPage(browser);
  await signIn(shauna, email, password);

  await signIn(page, 'admin@echo.demo');
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Users' })).toBeVisible();
  await page.getByLabel('Search by name or email').fill('shauna q');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: /Shauna Quinn/ });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell', { name: email })).toBeVisible();

  await row.getByRole('button', { name: 'Disable Shauna Quinn' }).click();
  await expect(page.getByRole('status')).toHaveText('Shauna Quinn is disabled and signed out everywhere.');
  await expect(row.getByRole('cell', { name: 'Disabled' })).toBeVisible();
  // Shauna's next request is refused: the client forgets the sign-in and offers to sign in again.
  await shauna.goto('/account');
  await expect(shauna).toHaveURL(/sign-in/);
  await shauna.getByLabel('Email').fill(email);
  await shauna.getByLabel('Password').fill(password);
  await shauna.getByRole('button', { name: 'Sign in' }).click();
  await expect(shauna.getByRole('alert')).toContainText('disabled');

  await page.getByRole('link', { name: 'Audit log' }).click();
  const entry = page.getByRole('row', { name: /Disabled the account/ }).first();
  await expect(entry).toContainText('Shauna Quinn');
  await expect(entry).toContainText('Hub Administrator');

  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Search by name or email').fill('shauna');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Enable Shauna Quinn' }).click();
  await expect(page.getByRole('status')).toHaveText('Shauna Quinn can sign in again.');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the data of Shauna Quinn' }).click();
  expect((await download).suggestedFilename()).toMatch(/^echo-hub-data-.*\.zip$/);
});
