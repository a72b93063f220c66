import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('an admin creates a program, schedules a recurring session with an agenda, and invites a newcomer who joins', async ({
  browser,
  page,
}) => {
  await signIn(page, 'admin@echo.demo');
  await page.getByRole('link', { name: 'Programs' }).first().click();
  await expect(page.getByRole('link', { name: 'Social Prescribing ECHO', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'New program' }).click();
  const form = page.getByRole('form', { name: 'New program' });
  await form.getByLabel('Name').fill('Dementia Care ECHO');
  await form.getByLabel('Topic').fill('Living well with dementia');
  await form.getByLabel('Learning target').fill('300');
  await form.getByRole('button', { name: 'Create program' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dementia Care ECHO' })).toBeVisible();

  await page.getByLabel('Organisation').fill('Omagh Memory Clinic');
  await page.getByLabel('Locality').fill('Omagh');
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByText('Omagh Memory Clinic').first()).toBeVisible();

  await page.getByRole('button', { name: 'Invite by link' }).click();
  const invite = await page.getByLabel('Invitation link').inputValue();
  expect(invite).toMatch(/\/invite\/[\w-]+$/);

  await page.getByRole('link', { name: 'Schedule session' }).click();
  await page.getByLabel('Session title').fill('Dementia Care ECHO');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-17');
  await page.getByLabel('Start time').fill('12:30');
  await page.getByLabel('Duration (minutes)').fill('90');
  await page.getByLabel('Time zone').selectOption('Europe/London');
  await page.getByLabel('Repeats').selectOption({ label: 'Weekly' });
  await page.getByLabel('Number of sessions').fill('3');
  await page.getByRole('button', { name: 'Add slot' }).click();
  await page.getByLabel('Slot 1 title').fill('Distress behaviours: what is the need?');
  await page.getByLabel('Slot 1 minutes').fill('20');
  await page.getByRole('button', { name: 'Add slot' }).click();
  await page.getByLabel('Slot 2 minutes').fill('30');
  await page.getByRole('button', { name: 'Schedule session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dementia Care ECHO' })).toBeVisible();
  await expect(page.getByLabel('Slot 1 title')).toHaveValue('Distress behaviours: what is the need?');

  // The third session falls after the clocks change (29 March) and still shows 12:30 London time.
  await page.goto('/calendar?month=2026-03');
  await expect(page.getByRole('link', { name: /12:30 Dementia Care ECHO/ })).toHaveCount(3);

  // A newcomer opens the invitation, creates an account and joins as a participant.
  const newcomer = await browser.newPage();
  await newcomer.goto(invite);
  await expect(newcomer.getByRole('heading', { name: 'Join Dementia Care ECHO' })).toBeVisible();
  await newcomer.getByRole('link', { name: 'Create an account' }).click();
  await newcomer.getByLabel('Display name').fill('Róisín Kelly');
  await newcomer.getByLabel('Email').fill(`roisin-${Date.now()}@example.org`);
  await newcomer.getByLabel('Password').fill('a sturdy passphrase');
  await newcomer.getByRole('button', { name: 'Create account' }).click();
  await newcomer.getByLabel('Participation type').selectOption({ label: 'Carer' });
  await newcomer.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Dementia Care ECHO' })).toBeVisible();
  await expect(newcomer.getByRole('table').getByText('Róisín Kelly')).toBeVisible();
  await newcomer.close();
});

test('bad sign-in is refused with a message, and a spoke cannot see a program it is not in', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('linkworker.ards@echo.demo');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/not right/);

  await signIn(page, 'linkworker.ards@echo.demo');
  await page.goto('/programs');
  await expect(page.getByRole('link', { name: 'Social Prescribing ECHO', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dementia Care ECHO', exact: true })).toHaveCount(0);
});
