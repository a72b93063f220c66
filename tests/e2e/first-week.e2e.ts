import { expect, test } from '@playwright/test';
import { apiHeaders, closeOpenedPages, enterLive, openPage, scheduleNow, signIn } from './helpers';

test.afterEach(closeOpenedPages);

/**
 * What a hub team trips over in its first week, walked through as they would: a practice run joined early,
 * a spoke greeting the room from their own town, and a session ended while a case is still being presented.
 */
test('a practice run: early spokes wait with the start time, their town is not flagged, an open case is not stranded', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const facilitator = await apiHeaders(request, 'facilitator@echo.demo');
  const [program] = await (await request.get('/api/programs', { headers: facilitator })).json();
  const startsAt = new Date(Date.now() + 40 * 60_000).toISOString();
  const created = await request.post(`/api/programs/${program.id}/sessions`, {
    headers: facilitator,
    data: {
      title: 'Sound check (practice)',
      startsAt,
      durationMinutes: 60,
      practice: true,
      agenda: [{ kind: 'case', minutes: 30 }],
    },
  });
  expect(created.status()).toBe(201);
  const sessionId = (await created.json()).id as string;
  const spokeHeaders = await apiHeaders(request, 'linkworker.ards@echo.demo');
  const submitted = await request.post(`/api/sessions/${sessionId}/cases`, {
    headers: spokeHeaders,
    data: {
      title: 'Isolation after a move into sheltered housing',
      presentingQuestion: 'Which local groups could she try first?',
      summary: 'Moved last month; misses her walking group; keen to meet people.',
      ageBand: '75-84',
    },
  });
  expect(submitted.status()).toBe(201);

  // 40 minutes before the start the spoke can already join; the session says it is practice.
  const early = await openPage(browser);
  await signIn(early, 'linkworker.ards@echo.demo');
  await early.goto(`/sessions/${sessionId}`);
  await expect(early.getByText('Practice', { exact: true })).toBeVisible();
  await expect(early.getByRole('link', { name: 'Join' })).toBeVisible();

  // In the lobby they see when it starts.
  const spoke = await enterLive(browser, 'linkworker.ards@echo.demo', sessionId);
  await expect(spoke.getByText('Waiting for the facilitator to open the session')).toBeVisible();
  await expect(spoke.getByTestId('lobby-start')).toHaveText(/The session starts at .+, in (39|40) minutes\./);

  // The facilitator opens early for the sound check; the spoke says hello from their own town.
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  await expect(spoke.getByText('Waiting for the facilitator to open the session')).toBeHidden();
  await spoke.getByLabel('Chat message').fill('Hello from Newtownards');
  await expect(spoke.getByText('This may identify a patient')).toBeHidden();
  await spoke.getByRole('button', { name: 'Send' }).click();
  await expect(host.getByRole('region', { name: 'Chat' }).getByText('Hello from Newtownards')).toBeVisible();
  // A town that is not one of the programme's still is (it may be where a patient lives).
  await spoke.getByLabel('Chat message').fill('She lives in Llandrindod Wells');
  await expect(spoke.getByText('This may identify a patient')).toBeVisible();
  await spoke.getByLabel('Chat message').fill('');

  // The case is opened and the session ended before anything was captured: the case waits again.
  await host.getByRole('button', { name: 'Open next case' }).click();
  await expect(spoke.getByText('Isolation after a move into sheltered housing').first()).toBeVisible();
  await host.getByRole('button', { name: 'End session for all' }).click();
  await host.getByRole('button', { name: 'Yes, end for everyone' }).click();
  await early.goto('/notifications');
  await expect(
    early.getByText(/Your case “Isolation after a move into sheltered housing” was not finished/),
  ).toBeVisible();

  // Practice counts nowhere: no survey for the spoke.
  const surveys = await (await request.get('/api/me/surveys', { headers: spokeHeaders })).json();
  expect(surveys.filter((s: { sessionId: string | null }) => s.sessionId === sessionId)).toEqual([]);
});

test('a spoke knocking at a locked room: badge and chime for the facilitator, a lobby message, admitted alone', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { sessionId } = await scheduleNow(request, 'Social Prescribing ECHO (lobby test)', [
    { kind: 'case', minutes: 30 },
  ]);
  const host = await openPage(browser);
  // Counts Web Audio contexts made by the page: the knock's chime is one.
  await host.addInitScript(() => {
    const Base = window.AudioContext;
    (window as unknown as { __chimes: number }).__chimes = 0;
    window.AudioContext = class extends Base {
      constructor(options?: AudioContextOptions) {
        super(options);
        (window as unknown as { __chimes: number }).__chimes++;
      }
    };
  });
  await signIn(host, 'facilitator@echo.demo');
  await host.goto(`/sessions/${sessionId}/live`);
  await host.getByRole('button', { name: 'Join session' }).click();
  await host.getByRole('button', { name: 'Open session' }).click();
  await host.getByRole('button', { name: 'Lock room' }).click();
  const waitingRoom = host.getByRole('region', { name: /Waiting room/ });
  await expect(waitingRoom.getByText('Nobody is waiting.')).toBeVisible();

  const spoke = await enterLive(browser, 'linkworker.bradford@echo.demo', sessionId);
  await expect(spoke.getByText('The facilitator has been told you are here')).toBeVisible();
  await expect(host.getByTestId('waiting-badge')).toHaveText('1');
  await expect(waitingRoom).toContainText('Priya Sharma · Bradford Social Prescribing Hub');
  await expect.poll(() => host.evaluate(() => (window as unknown as { __chimes: number }).__chimes)).toBeGreaterThan(0);

  await waitingRoom
    .getByLabel('Message to the waiting room')
    .fill('We start in two minutes; case presenters please stay');
  await waitingRoom.getByRole('button', { name: 'Send to waiting room' }).click();
  await expect(spoke.getByTestId('lobby-message')).toContainText(
    'We start in two minutes; case presenters please stay',
  );

  await expect(spoke.getByText('Waiting for the facilitator to let you in')).toBeVisible();
  await waitingRoom.getByRole('button', { name: 'Admit Priya Sharma' }).click();
  await expect(spoke.getByText('Waiting for the facilitator to let you in')).toBeHidden();
  await expect(spoke.getByTestId('tile')).toHaveCount(2); // the stage: the facilitator and themselves
  await expect(host.getByTestId('waiting-badge')).toBeHidden();
});

test('a follow-up thread points at the case it is about; readers of the case follow the link, the case lists it', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { sessionId } = await scheduleNow(request, 'Follow-up threads (e2e)', [{ kind: 'case', minutes: 30 }]);
  const ciaraHeaders = await apiHeaders(request, 'linkworker.ards@echo.demo');
  const caseTitle = `Loneliness after a move into sheltered housing (${Date.now().toString(36)})`;
  const submitted = await request.post(`/api/sessions/${sessionId}/cases`, {
    headers: ciaraHeaders,
    data: {
      title: caseTitle,
      presentingQuestion: 'Which groups could she try first?',
      summary: 'Moved in last spring; no visitors; GP referred for social prescribing.',
      ageBand: '75-84',
    },
  });
  expect(submitted.status()).toBe(201);
  const caseId = (await submitted.json()).id as string;

  // The presenter starts the discussion from the case's own page.
  const ciara = await openPage(browser);
  await signIn(ciara, 'linkworker.ards@echo.demo');
  await ciara.goto(`/cases/${caseId}`);
  await ciara.getByRole('link', { name: 'Start a follow-up discussion in the community' }).click();
  await expect(ciara.getByText('Choose a group, then start a thread to follow up the case.')).toBeVisible();
  await ciara.getByRole('link', { name: 'Link workers’ network' }).click();
  await ciara.getByRole('button', { name: 'New thread' }).click();
  await expect(ciara.getByText('This thread will follow up the case you came from')).toBeVisible();
  const threadTitle = `How did the walking group go? (${Date.now().toString(36)})`;
  await ciara.getByLabel('Title').fill(threadTitle);
  await ciara.getByLabel('Opening post').fill('She went twice and wants to keep going; ideas for the winter?');
  await ciara.getByRole('button', { name: 'Start thread' }).click();
  await expect(ciara.getByRole('heading', { level: 1, name: threadTitle })).toBeVisible();

  // Another spoke reading the thread sees which case it follows and gets there in one click.
  const priya = await openPage(browser);
  await signIn(priya, 'linkworker.bradford@echo.demo');
  await priya.goto(ciara.url());
  await expect(priya.getByText('Follows up the case')).toBeVisible();
  await priya.getByRole('link', { name: caseTitle }).click();
  await expect(priya.getByRole('heading', { level: 1, name: caseTitle })).toBeVisible();
  // The case's page lists its follow-up discussion.
  const discussion = priya.getByRole('region', { name: 'Discussion' });
  await expect(discussion.getByRole('link', { name: threadTitle })).toBeVisible();
});
