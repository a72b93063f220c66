import { type APIRequestContext, expect, test } from '@playwright/test';
import { apiHeaders, closeOpenedPages, openPage, signIn } from './helpers';

/**
 * The programme around the sessions (issue #20 A) in real pages: the coordinator opens a self-assessment round and
 * answers it, a spoke at another site answers too, the radar and its table show both sites with the spread of
 * opinion, and the coordinator records a priority linked to a planned ECHO session. A spoke logs an exchange and the
 * coordinator sees it counted on the impact page.
 */

async function demoProgram(request: APIRequestContext): Promise<string> {
  const programs: { id: string; name: string }[] = await (
    await request.get('/api/programs', { headers: await apiHeaders(request, 'coordinator@echo.demo') })
  ).json();
  const program = programs.find((p) => p.name === 'Social Prescribing ECHO');
  expect(program).toBeTruthy();
  return program?.id as string;
}

test.afterEach(() => closeOpenedPages());

test('answer the self-assessment, see the radar of two sites, record a priority linked to a session', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const programId = await demoProgram(request);
  const title = `Spring self-assessment ${Date.now()}`;

  const coordinator = await openPage(browser);
  await signIn(coordinator, 'coordinator@echo.demo');
  await coordinator.goto(`/programs/${programId}`);
  await coordinator.getByRole('link', { name: 'Self-assessment' }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Self-assessment' })).toBeVisible();

  await coordinator.getByText('Open a round').click();
  const open = coordinator.getByRole('form', { name: 'Open a self-assessment round' });
  await open.getByLabel('Title').fill(title);
  await open.getByRole('button', { name: 'Open round' }).click();
  await expect(coordinator.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(coordinator.getByText('Nobody has answered this round yet.')).toBeVisible();

  // The coordinator (Bradford has no coordinator: no site) answers through the twelve rows of radio buttons.
  const mine = [2, 3, 1, 2, 1, 2, 1, 3, 1, 2, 2, 3];
  for (const [i, score] of mine.entries()) {
    await coordinator
      .getByRole('group', { name: new RegExp(`^${i + 1}\\. `) })
      .getByLabel(String(score), { exact: true })
      .check();
  }
  await coordinator.getByRole('button', { name: 'Save my answer' }).click();
  await expect(coordinator.getByRole('heading', { level: 3, name: /Your answer \(change it/ })).toBeVisible();
  await expect(coordinator.getByTestId('radar')).toBeVisible();

  // A link worker at Ards answers in their own page.
  const spoke = await openPage(browser);
  await signIn(spoke, 'linkworker.ards@echo.demo');
  await spoke.goto(`/programs/${programId}/assessment`);
  await spoke.getByLabel('Round').selectOption({ label: `${title} (1 answer)` });
  await expect(spoke.getByRole('heading', { level: 2, name: title })).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await spoke
      .getByRole('group', { name: new RegExp(`^${i + 1}\\. `) })
      .getByLabel(i === 0 ? '4' : '2', { exact: true })
      .check();
  }
  await spoke.getByRole('button', { name: 'Save my answer' }).click();
  await expect(spoke.getByText('2 answers').first()).toBeVisible();
  // Participants see the results but cannot record priorities.
  await expect(spoke.getByRole('form', { name: 'Record a priority' })).toHaveCount(0);

  // The coordinator sees both sites on the radar and in its table, with the spread of opinion.
  await coordinator.reload();
  const table = coordinator.getByTestId('assessment-table');
  await expect(table.getByRole('columnheader', { name: 'Ards Community Health Centre' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'No site' })).toBeVisible();
  const readiness = table.getByRole('row', { name: /1\. Readiness to change/ });
  // Scores 2 and 4: mean 3, min 2, max 4, SD 1.
  await expect(readiness.getByRole('cell')).toHaveText(['3', '2', '4', '1', '4', '2']);
  await expect(coordinator.locator('[data-testid="radar"] polygon[data-series]')).toHaveCount(3);
  await expect(coordinator.getByRole('img', { name: /Whole program: Readiness to change 3/ })).toBeVisible();

  // The agreed priority, and a planned ECHO session for it.
  const priority = coordinator.getByRole('form', { name: 'Record a priority' });
  await priority.getByLabel('Dimension').selectOption({ label: '3. Digital infrastructure' });
  await priority.getByLabel('Priority').fill('Share referral outcomes with GP practices');
  await priority.getByRole('button', { name: 'Record priority' }).click();
  await expect(
    coordinator.getByRole('heading', { level: 3, name: 'Share referral outcomes with GP practices' }),
  ).toBeVisible();
  await coordinator.getByText('Plan an activity for “Share referral outcomes with GP practices”').click();
  const plan = coordinator.getByRole('form', {
    name: 'Plan an activity for Share referral outcomes with GP practices',
  });
  await expect(plan.getByLabel('Kind')).toHaveValue('session');
  const session = await plan.getByLabel('Session').locator('option').first().textContent();
  await plan.getByLabel('Owner').selectOption({ label: 'Dr Ahmed Rahman' });
  await plan.getByLabel('Due date').fill('2027-01-31');
  await plan.getByRole('button', { name: 'Add to the plan' }).click();
  const planned = coordinator.getByRole('list', {
    name: 'Planned activities for Share referral outcomes with GP practices',
  });
  await expect(planned.getByRole('listitem')).toContainText('ECHO session');
  await expect(planned.getByRole('listitem')).toContainText('owner Dr Ahmed Rahman');
  await expect(planned.getByRole('link', { name: (session ?? '').split(' · ')[0] })).toBeVisible();
});

test('log an exchange and see it counted on the impact page', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const programId = await demoProgram(request);

  const coordinator = await openPage(browser);
  await signIn(coordinator, 'coordinator@echo.demo');
  await coordinator.goto(`/programs/${programId}/impact`);
  const counted = coordinator.getByTestId('learning-activities');
  await expect(counted).toBeVisible();
  const before = Number(/^(\d+) learning experiences/.exec((await counted.textContent()) ?? '')?.[1]);

  const spoke = await openPage(browser);
  await signIn(spoke, 'nurse.ards@echo.demo');
  await spoke.goto(`/programs/${programId}`);
  await spoke.getByRole('link', { name: 'Exchanges and mentoring' }).click();
  await expect(spoke.getByRole('heading', { level: 1, name: 'Exchanges and mentoring' })).toBeVisible();
  const form = spoke.getByRole('form', { name: 'Log an activity' });
  await form.getByLabel('Kind').selectOption({ label: 'Job-shadowing' });
  await form.getByLabel('What').fill('Shadowing the Bradford link workers');
  await form.getByLabel('Where').fill('Bradford Social Prescribing Hub');
  await form.getByLabel('From').fill('2026-11-03');
  await form.getByLabel('Hours of learning (per person)').fill('7');
  await form.getByLabel('Reflection (optional)').fill('They book the first conversation within a week of referral.');
  await form.getByRole('button', { name: 'Log activity' }).click();
  await expect(spoke.getByRole('status')).toHaveText('Logged: it counts in the impact report.');
  await expect(spoke.getByRole('list', { name: 'Learning activities' })).toContainText(
    'Job-shadowing: Shadowing the Bradford link workers',
  );

  await coordinator.reload();
  await expect(counted).toContainText(`${before + 1} learning experiences`);
  await expect(coordinator.getByRole('row', { name: /Job-shadowing/ })).toBeVisible();
});

test('a coordinator copies the built-in template, changes its dimensions and opens a round with it', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const programId = await demoProgram(request);
  const name = `Our wording ${Date.now()}`;
  const coordinator = await openPage(browser);
  await signIn(coordinator, 'coordinator@echo.demo');
  await coordinator.goto(`/programs/${programId}/assessment`);
  await coordinator.getByText('Templates', { exact: true }).click();
  const copy = coordinator.getByRole('form', { name: 'New template' });
  await expect(copy.getByLabel('Dimensions')).toHaveValue(/^Readiness to change: /);
  await copy.getByLabel('Name').fill(name);
  await copy.getByLabel('Dimensions').fill('Shared vision: why we change\nReferral pathways\nVolunteer support');
  await copy.getByRole('button', { name: 'Save as a new template' }).click();
  await expect(coordinator.getByRole('form', { name: `Edit ${name}` })).toBeVisible();

  await coordinator.getByText('Open a round').click();
  const open = coordinator.getByRole('form', { name: 'Open a self-assessment round' });
  await open.getByLabel('Title').fill(`Round on ${name}`);
  await open.getByLabel('Template').selectOption({ label: name });
  await open.getByRole('button', { name: 'Open round' }).click();
  await expect(coordinator.getByRole('heading', { level: 2, name: `Round on ${name}` })).toBeVisible();
  await expect(coordinator.getByRole('group', { name: /^\d+\. / })).toHaveCount(3);
  await expect(coordinator.getByRole('group', { name: /^3\. Volunteer support/ })).toBeVisible();
});
