import { type Browser, expect, type Page, test } from '@playwright/test';
import { apiHeaders, signIn } from './helpers';

/**
 * The community of practice in real Chromium pages against the demo seed: live posts between two
 * people (and a picture whose upload shows its progress), a mention that reaches the mentioned
 * person's notifications, and a private carers' group that stays invisible to someone outside it.
 */

/** A 1×1 PNG, made here: the picture attached to a reply. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function personPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** From the program dashboard, through the Community link, into a group and one of its threads. */
async function openThread(page: Page, group: string, thread: string | RegExp): Promise<void> {
  await page.goto('/programs');
  await page.getByRole('link', { name: 'Social Prescribing ECHO', exact: true }).click();
  await page.getByRole('link', { name: 'Community', exact: true }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Community' })).toBeVisible();
  await page.getByRole('link', { name: group }).click();
  await page.getByRole('link', { name: thread }).click();
  await expect(page.getByRole('heading', { level: 1, name: thread })).toBeVisible();
}

/** The unread count in the top bar's Notifications link (0 when it shows none). */
async function unreadBadge(page: Page): Promise<number> {
  const label = (await page.getByRole('link', { name: /^Notifications/ }).getAttribute('aria-label')) ?? '';
  return Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
}

test('a reply written on one page appears on the other without reload, and replies nest', async ({ browser }) => {
  const ciara = await personPage(browser, 'linkworker.ards@echo.demo');
  const priya = await personPage(browser, 'linkworker.bradford@echo.demo');
  const thread = /Benefits and debt advice/;
  await openThread(ciara, 'Link workers’ network', thread);
  await openThread(priya, 'Link workers’ network', thread);

  const text = `The library runs a digital drop-in on Thursdays (run ${Date.now().toString(36)}).`;
  await ciara.getByLabel('Your reply', { exact: true }).fill(text);
  await ciara.getByRole('button', { name: 'Preview' }).click();
  await expect(ciara.locator('.composer-preview')).toContainText('digital drop-in');
  await ciara.getByRole('button', { name: 'Post reply' }).click();
  await expect(ciara.getByRole('article', { name: 'Post by Ciara Quinn' }).filter({ hasText: text })).toBeVisible();

  // Priya's page shows it without a reload, once.
  const arrived = priya.getByRole('article', { name: 'Post by Ciara Quinn' }).filter({ hasText: text });
  await expect(arrived).toHaveCount(1);

  // Priya answers that post; the answer appears on Ciara's page indented under it.
  await arrived.getByRole('button', { name: 'Reply', exact: true }).click();
  const answer = `Thank you, I will try that (run ${Date.now().toString(36)}).`;
  await priya.getByLabel('Your reply to Ciara Quinn').fill(answer);
  await priya.getByRole('button', { name: 'Post reply' }).first().click();
  const nested = ciara.locator('.post-item.depth-1').filter({ hasText: answer });
  await expect(nested).toHaveCount(1);

  // Ciara attaches a picture to her next reply and sees it upload (the test holds the request until then).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await ciara.route('**/api/groups/*/attachments', async (route) => {
    await held;
    await route.continue();
  });
  await ciara
    .getByLabel('Attach image or PDF')
    .setInputFiles({ name: 'leaflet.png', mimeType: 'image/png', buffer: PNG });
  const progress = ciara.getByRole('progressbar', { name: 'Uploading leaflet.png' });
  await expect(progress).toBeVisible();
  release();
  await expect(ciara.getByLabel('Your reply', { exact: true })).toHaveValue(/!\[leaflet\.png\]\(attachment:[\w-]+\)/);
  await expect(progress).toHaveCount(0);
  await ciara.close();
  await priya.close();
});

test('a mention raises a notification on the mentioned person’s page', async ({ browser }) => {
  const ciara = await personPage(browser, 'linkworker.ards@echo.demo');
  await ciara.goto('/notifications');
  await expect(ciara.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(ciara.getByRole('list', { name: 'Notifications' })).toBeVisible();
  // The badge and the list come from the same place: wait until they agree, then count on from there.
  const listed = await ciara.locator('.notification-unread').count();
  await expect.poll(() => unreadBadge(ciara)).toBe(listed);
  const before = listed;

  const tom = await personPage(browser, 'coach.bradford@echo.demo');
  await openThread(tom, 'Link workers’ network', /Keeping people engaged/);
  const box = tom.getByLabel('Your reply', { exact: true });
  await box.click();
  await box.pressSequentially('Good point @Ciar');
  const option = tom.getByRole('option', { name: /Ciara Quinn/ });
  await expect(option).toBeVisible();
  await box.press('Enter');
  await expect(box).toHaveValue('Good point @Ciara Quinn ');
  const marker = `buddies work in Bradford too (run ${Date.now().toString(36)})`;
  await box.pressSequentially(marker);
  await tom.getByRole('button', { name: 'Post reply' }).click();
  // The de-identification gate warns that a town is named; it names no patient, so he sends it.
  await expect(tom.getByRole('alert')).toContainText('“Bradford”');
  await tom.getByRole('button', { name: 'None of these identifies a patient: post reply' }).click();
  await expect(tom.getByText(marker)).toBeVisible();

  // Ciara did not reload: the badge counts up and the notification centre lists the mention.
  await expect.poll(() => unreadBadge(ciara)).toBe(before + 1);
  // The newest first (an earlier run on the same database may have left one like it).
  const item = ciara.getByRole('link', { name: /Tom Ackroyd mentioned you in “Keeping people engaged/ }).first();
  await expect(item).toBeVisible();
  await item.click();
  await expect(ciara.getByText(marker)).toBeVisible();
  await expect(ciara.locator('.mention').filter({ hasText: '@Ciara Quinn' }).first()).toBeVisible();
  await ciara.close();
  await tom.close();
});

test('a private group’s thread is invisible to someone outside it, and absent from search', async ({ browser }) => {
  const patrick = await personPage(browser, 'carer.donegal@echo.demo');
  await openThread(patrick, 'Carers’ peer support', 'Getting a break when you are caring full time');
  const url = patrick.url();
  expect(url).toMatch(/\/threads\/[0-9a-f-]{36}$/);
  await patrick.goto('/programs');
  await patrick.getByRole('link', { name: 'Social Prescribing ECHO', exact: true }).click();
  await patrick.getByRole('link', { name: 'Community', exact: true }).last().click();
  await patrick.getByLabel('Search the community').fill('respite');
  await patrick.getByRole('button', { name: 'Search' }).click();
  await expect(patrick.getByRole('link', { name: /Getting a break/ })).toBeVisible();

  const priya = await personPage(browser, 'linkworker.bradford@echo.demo');
  const denied = priya.waitForResponse((r) => /\/api\/threads\//.test(r.url()));
  await priya.goto(url);
  expect([403, 404]).toContain((await denied).status());
  await expect(
    priya.getByRole('heading', { level: 1, name: /Cannot show this thread|Thread not found/ }),
  ).toBeVisible();
  await expect(priya.getByText('Getting a break when you are caring full time')).toHaveCount(0);

  await priya.goto('/community');
  await expect(priya.getByText('Private: ask to join')).toBeVisible();
  await priya.getByLabel('Search the community').fill('respite');
  await priya.getByRole('button', { name: 'Search' }).click();
  await expect(priya.getByRole('status').filter({ hasText: 'Nothing found for “respite”' })).toBeVisible();
  await expect(priya.getByRole('link', { name: /Getting a break/ })).toHaveCount(0);
  await patrick.close();
  await priya.close();
});

test('a long thread comes in pages: a link to a post deep in it still shows that post, and Load more brings the rest', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const facilitator = await apiHeaders(request, 'facilitator@echo.demo');
  const [program] = await (await request.get('/api/programs', { headers: facilitator })).json();
  const [group] = await (await request.get(`/api/programs/${program.id}/groups`, { headers: facilitator })).json();
  const run = Date.now().toString(36);
  const created = await request.post(`/api/groups/${group.id}/threads`, {
    headers: facilitator,
    data: { title: `A long thread (run ${run})`, body: 'Where do people find walking groups?' },
  });
  expect(created.status()).toBe(201);
  const threadId = (await created.json()).id as string;
  // More replies than a page (50) holds; a facilitator moderates, so no flood limit.
  const replies: string[] = [];
  for (let i = 1; i <= 60; i++) {
    const reply = await request.post(`/api/threads/${threadId}/posts`, {
      headers: facilitator,
      data: { body: `Reply number ${i} (run ${run})` },
    });
    expect(reply.status()).toBe(201);
    replies.push((await reply.json()).id);
  }

  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'facilitator@echo.demo');
  await page.goto(`/threads/${threadId}#post-${replies[56]}`);
  await expect(page.locator(`#post-${replies[56]}`)).toContainText(`Reply number 57 (run ${run})`);
  await expect(page.locator(`#post-${replies[56]}`)).toBeInViewport();

  await page.goto(`/threads/${threadId}`);
  const posts = page.getByRole('list', { name: 'Posts' }).locator(':scope > li');
  await expect(posts).toHaveCount(50);
  await page.getByRole('button', { name: 'Load more posts' }).click();
  await expect(posts).toHaveCount(61);
  await expect(page.getByRole('button', { name: 'Load more posts' })).toHaveCount(0);
  await expect(posts.last()).toContainText(`Reply number 60 (run ${run})`);
});
