import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  expect,
  type Page,
} from '@playwright/test';

export const DEMO_PASSWORD = 'echo-demo-2026';

/** The headers of an API call as a demo person, signed in through the API. */
export async function apiHeaders(request: APIRequestContext, email: string): Promise<{ Authorization: string }> {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  return { Authorization: `Bearer ${(await login.json()).accessToken as string}` };
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

const opened: BrowserContext[] = [];

/** A page in a browser context of its own (one person), closed by `closeOpenedPages` after the test. */
export async function openPage(browser: Browser, options?: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  opened.push(context);
  return context.newPage();
}

/** Closes every context `openPage` made, so no camera or socket of one test runs on into the next. */
export async function closeOpenedPages(): Promise<void> {
  await Promise.all(opened.splice(0).map((c) => c.close()));
}

/** Signs in in a fresh browser context and joins a live session through the device check. */
export async function enterLive(
  browser: Browser,
  email: string,
  sessionId: string,
  options?: BrowserContextOptions,
): Promise<Page> {
  const page = await openPage(browser, options);
  await signIn(page, email);
  await page.goto(`/sessions/${sessionId}/live`);
  await page.getByRole('button', { name: 'Join session' }).click();
  return page;
}

/** The facilitator schedules a session starting now in the demo program (as the schedule page would). */
export async function scheduleNow(
  request: APIRequestContext,
  title: string,
  agenda: { kind: 'didactic' | 'case'; title?: string; minutes: number }[],
): Promise<{ sessionId: string; programId: string; token: string }> {
  const headers = await apiHeaders(request, 'facilitator@echo.demo');
  const token = headers.Authorization.slice('Bearer '.length);
  const [program] = await (await request.get('/api/programs', { headers })).json();
  const created = await request.post(`/api/programs/${program.id}/sessions`, {
    headers,
    data: { title, startsAt: new Date().toISOString(), durationMinutes: 90, agenda },
  });
  expect(created.status()).toBe(201);
  return { sessionId: (await created.json()).id as string, programId: program.id as string, token };
}

/** What the live page's test hook (`window.__echoLive`) reports per received stream, read from WebRTC stats. */
export interface RecvStat {
  consumerId: string;
  userId: string;
  source: string;
  kind: 'audio' | 'video';
  framesDecoded: number;
  frameHeight: number;
  totalAudioEnergy: number;
  bytesReceived: number;
  concealedSamples: number;
  silentConcealedSamples: number;
  totalSamplesReceived: number;
}

declare global {
  interface Window {
    __echoLive?: {
      recvStats(): Promise<RecvStat[]>;
      state(): { participants: { userId: string; displayName: string }[] } | null;
    };
  }
}

export const recv = (page: Page) => page.evaluate(() => window.__echoLive?.recvStats() ?? Promise.resolve([]));
export const total = (
  stats: RecvStat[],
  userId: string,
  source: string,
  field: Exclude<keyof RecvStat, 'consumerId' | 'userId' | 'source' | 'kind'>,
) => stats.filter((s) => s.userId === userId && s.source === source).reduce((n, s) => n + s[field], 0);

/** Polls until the value read from the page grows (decoded frames, audio energy…). */
export async function expectRising(read: () => Promise<number>, timeout = 15_000): Promise<void> {
  const start = await read();
  await expect.poll(read, { timeout, intervals: [250, 500, 1000] }).toBeGreaterThan(start);
}

/** The user id of a participant of the live session, as the page's room state names them. */
export async function userIdOf(page: Page, displayName: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(async () => {
      id = await page.evaluate(
        (name) => window.__echoLive?.state()?.participants.find((p) => p.displayName === name)?.userId,
        displayName,
      );
      return id;
    })
    .toBeTruthy();
  return id as string;
}
