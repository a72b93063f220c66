import { expect, test } from '@playwright/test';
import { apiHeaders, closeOpenedPages, DEMO_PASSWORD, enterLive, openPage, scheduleNow, signIn } from './helpers';

/**
 * Issue #20: someone registers through a program's public form without signing in; the coordinator sees the
 * registration with its accessibility needs, and the impact page's funnel counts them at its first stage. Then
 * the registrant joins, attends a session (the facilitator runs it live; the coordinator records the time they
 * followed on a colleague's device), completes the series and downloads a certificate: the funnel follows them
 * through every stage.
 */

test.afterEach(closeOpenedPages);

test('a registration through the public form flows through the funnel to a certificate', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const headers = await apiHeaders(request, 'coordinator@echo.demo');
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
  await form.getByLabel('Your role or job').fill('Family carer and peer researcher');
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

  // The series is complete after one session attended as a learning experience (the coordinator sets it).
  const settings = coordinator.getByRole('form', { name: 'Registration form settings' });
  await settings.getByLabel('Sessions attended to complete the series').fill('1');
  await settings.getByRole('button', { name: 'Save the registration form' }).click();
  await expect(settings.getByRole('status')).not.toBeEmpty();

  // She joins: the coordinator's invitation link for her address, an account, the program.
  const invitation = await request.post(`/api/programs/${program.id}/invitations`, {
    headers,
    data: { email: 'mairead.quigley@carers.example', role: 'participant' },
  });
  expect(invitation.status()).toBe(201);
  await visitor.goto((await invitation.json()).inviteUrl);
  await visitor.getByRole('link', { name: 'Create an account' }).click();
  await visitor.getByLabel('Display name').fill('Mairead Quigley');
  await visitor.getByLabel('Email').fill('mairead.quigley@carers.example');
  await visitor.getByLabel('Password').fill(DEMO_PASSWORD);
  await visitor.getByRole('button', { name: 'Create account' }).click();
  await visitor.getByLabel('Participation type').selectOption({ label: 'Carer' });
  await visitor.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Social Prescribing ECHO' })).toBeVisible();

  // She attends a session: in the live room for a moment, then (her connection dropped) on a colleague's laptop.
  const { sessionId } = await scheduleNow(request, 'Carers’ wellbeing (funnel test)', [
    { kind: 'didactic', title: 'Looking after yourself', minutes: 90 },
  ]);
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  const attendee = await enterLive(browser, 'mairead.quigley@carers.example', sessionId);
  await expect(
    host.getByRole('region', { name: 'Participants' }).getByRole('listitem').filter({ hasText: 'Mairead Quigley' }),
  ).toBeVisible({ timeout: 30_000 });
  await host.getByRole('button', { name: 'End session for all' }).click();
  await host.getByRole('button', { name: 'Yes, end for everyone' }).click();
  await expect(attendee.getByRole('status').filter({ hasText: 'The session has ended' })).toBeVisible();
  const me = await (
    await request.post('/api/auth/login', {
      data: { email: 'mairead.quigley@carers.example', password: DEMO_PASSWORD },
    })
  ).json();
  const corrected = await request.post(`/api/sessions/${sessionId}/attendance/corrections`, {
    headers,
    data: { userId: me.user.id, minutes: 88, reason: 'Her connection dropped; she followed on a colleague’s laptop' },
  });
  expect(corrected.status()).toBe(201);

  // Her certificate, in her own view of the program.
  await attendee.goto(`/programs/${program.id}`);
  await attendee
    .getByRole('button', { name: /^Download certificate for / })
    .first()
    .click();
  await expect(attendee.getByTestId('certificate-code')).toBeVisible();

  // The funnel follows her through every stage (her role is hers alone among the registrations).
  await coordinator.reload();
  const byRole = coordinator
    .getByRole('region', { name: 'From registration to certificate' })
    .getByRole('region', { name: 'Registration funnel by role' });
  const row = byRole.getByRole('row', { name: /^Family carer and peer researcher/ });
  await expect(row.getByRole('cell')).toHaveText(['1', '1', '1', '1']);
});
