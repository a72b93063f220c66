import { expect, test } from '@playwright/test';

test('the start page shows the hub running, its database and media workers', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to ECHO Hub' })).toBeVisible();
  const health = page.getByTestId('health');
  await expect(health.getByLabel('Hub: Running')).toBeVisible();
  await expect(health.getByLabel('Database: Connected')).toBeVisible();
  await expect(health.getByLabel('Media workers: 2 running')).toBeVisible();
});

test('client-side routes load the app (SPA fallback) and unknown pages say so', async ({ page }) => {
  const res = await page.goto('/no-such-page/at-all');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to ECHO Hub' })).toBeVisible();
});

test('unknown API paths answer JSON 404, not the app', async ({ request }) => {
  const res = await request.get('/api/no-such-route');
  expect(res.status()).toBe(404);
  expect(await res.json()).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
});
