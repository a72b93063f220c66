import { expect, test } from '@playwright/test';
import { closeOpenedPages, DEMO_PASSWORD, openPage, signIn } from './helpers';

/**
 * Issue #20: someone registers through a program's public form without signing in; the coordinator sees the
 * registration with its accessibility needs, and the impact page's funnel counts them at its first stage.
 */

test.afterEach(closeOpenedPages);

test('a registration through the public form shows in the registrations and the funnel', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const login = await request.post('/api/auth/login', {
    data: { email: 'coordinator@echo.demo', password: DEMO_PASSWORD },
  });
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const [program] = await (await request.get('/api/programs', { headers })).json();
  const registered = async () => {
    const funnel = await (await request.get(`/api/programs/${program.id}/registration/funnel`, { headers })).json();
    return funnel.stages[0].people as number;
  };
  const before = await registered();

  // No sign-in: a fresh browser context.
  const visitor = await openPage(browser);
  await visitor.goto(`/register/${program.id}`);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Register for Social Prescribing ECHO' })).toBeVisible();
  const form = visitor.getByRole('form', { name: 'Register' });
  await form.getByLabel('Your name').fill('Mairead Quigley');
  await form.getByLabel('E-mail').fill('not an address');
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByText('email must be an email address')).toBeVisible();
  await form.getByLabel('E-mail').fill('mairead.quigley@carers.example');
  await form.getByLabel('Your site').selectOption({ label: 'Letterkenny Primary Care Centre' });
  await form.getByLabel('Your role or job').fill('Family carer');
  await form.getByLabel('You take part as').selectOption({ label: 'Carer' });
  await form.getByLabel('How did you hear about it? (optional)').selectOption('A colleague');
  await form.getByLabel('Accessibility needs (optional)').fill('Live captions, please');
  await form.getByLabel(/may contact me/).check();
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(visitor.getByRole('status')).toContainText('you are registered');

  expect(await registered()).toBe(before + 1);
  const coordinator = await openPage(browser);
  await signIn(coordinator, 'coordinator@echo.demo');
  await coordinator.goto(`/programs/${program.id}/impact`);
  const registrations = coordinator.getByRole('region', { name: /^Registrations/ });
  await expect(registrations.getByRole('row', { name: /Mairead Quigley/ })).toContainText('Live captions, please');
  const funnel = coordinator.getByRole('region', { name: 'From registration to certificate' });
  await expect(funnel.getByRole('figure', { name: 'Registration funnel' })).toBeVisible();
  await expect(
    funnel
      .getByRole('region', { name: 'Registration funnel by participation type' })
      .getByRole('row', { name: /^Carer/ }),
  ).toBeVisible();
});
