import { expect, test } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeOpenedPages, openPage } from './helpers';

const main = join(__dirname, '..', '..', 'apps', 'server', 'dist', 'main.js');
const PORT = 3197;

let hub: ChildProcess;
let dataDir: string;

/** A brand-new hub of its own (empty database), beside the demo hub the other tests use. */
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'echo-hub-first-visit-'));
  hub = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(PORT), RTC_PORT: '41020', HOST: '127.0.0.1', DATA_DIR: dataDir },
  });
  let out = '';
  hub.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  hub.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  await expect.poll(() => out, { timeout: 60_000 }).toContain('ECHO Hub is running');
});

test.afterAll(async () => {
  const exited = new Promise((resolve) => hub.once('exit', resolve));
  hub.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
});

test.afterEach(closeOpenedPages);

test('first visit: the empty hub explains itself, the first person becomes admin and is guided through setup', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await openPage(browser, { baseURL: `http://127.0.0.1:${PORT}` });
  await page.goto('/');
  const welcome = page.getByTestId('first-run');
  await expect(welcome.getByRole('heading', { name: 'Set up this hub' })).toBeVisible();
  await welcome.getByRole('link', { name: 'Create the administrator account' }).click();
  await expect(page.getByText('this account becomes its administrator')).toBeVisible();
  await page.getByLabel('Display name').fill('Hub Admin');
  await page.getByLabel('Email').fill('admin@hub.example');
  await page.getByLabel('Password', { exact: true }).fill('a long first-run passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();

  // The checklist: nothing done yet; each step links to where it is done.
  const checklist = page.getByRole('region', { name: 'Getting started' });
  await expect(checklist).toContainText('0 of 4 done');
  await page.getByRole('button', { name: 'New program' }).click();
  await page.getByLabel('Name').fill('Dementia Care ECHO');
  await page.getByRole('button', { name: 'Create program' }).click();
  await expect(page.getByRole('heading', { name: 'Dementia Care ECHO' })).toBeVisible();
  await page.getByLabel('Organisation').fill('Ards Community Health Centre');
  await page.getByLabel('Locality').fill('Newtownards');
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByText('Ards Community Health Centre').first()).toBeVisible();

  await page.goto('/programs');
  await expect(checklist).toContainText('2 of 4 done');
  await expect(checklist.getByRole('link', { name: 'Schedule the first session' })).toBeVisible();
  await checklist.getByRole('button', { name: 'Hide this checklist' }).click();
  await expect(checklist).toBeHidden();

  // Once someone has an account, the home page no longer offers to set the hub up.
  const stranger = await openPage(browser, { baseURL: `http://127.0.0.1:${PORT}` });
  await stranger.goto('/');
  await expect(stranger.getByTestId('health')).toBeVisible();
  await expect(stranger.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await expect(stranger.getByTestId('first-run')).toBeHidden();
});
