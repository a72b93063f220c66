import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { backup, restore } from '../src/backup/backup';
import { AttachmentsService } from '../src/community/attachments.service';
import { GroupsService } from '../src/community/groups.service';
import { ThreadsService } from '../src/community/threads.service';
import { APP_CONFIG, type AppConfig, loadConfig } from '../src/config/config';
import { ProgramsService } from '../src/programs/programs.service';
import { type Account, account, addMember, api, asBytes } from './fixtures';
import { onS3, startTestApp, type TestApp } from './test-app';
import { s3Env } from './s3-server';
import { onPostgres, postgresDatabase } from './test-database';
import { tinyPdf } from './upload-fixtures';

const run = promisify(execFile);

describe('backup and restore', () => {
  let live: TestApp;
  let restored: TestApp | undefined;
  let person: Account;
  const dir = mkdtempSync(join(tmpdir(), 'echo-backup-'));
  afterAll(async () => {
    await restored?.close();
    await live?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up a running hub with data and restores it into a fresh one that finds everything', async () => {
    live = await startTestApp();
    person = await account(live.app, 'member');
    const program = await live.app.get(ProgramsService).create({ name: 'Backed-up ECHO' });
    await addMember(live.app, program.id, person.id, 'facilitator');
    const viewer = { id: person.id, isAdmin: false };
    const group = await live.app.get(GroupsService).create(viewer, program.id, { name: 'Link workers' }, 'facilitator');
    const pdf = tinyPdf('walking leaflet');
    const file = { originalname: 'leaflet.pdf', size: pdf.length, buffer: pdf } as Express.Multer.File;
    const upload = await live.app.get(AttachmentsService).upload(viewer, group.id, file);
    await live.app.get(ThreadsService).create(viewer, group.id, { title: 'Leaflets', body: upload.markdown });
    const original = await api(live.app)
      .get(`/api/attachments/${upload.id}`)
      .set('Authorization', `Bearer ${person.token}`)
      .buffer(true)
      .parse(asBytes)
      .expect(200);

    // The hub keeps running (and writing) while it is backed up.
    const writing = live.app.get(ProgramsService).create({ name: 'Written during the backup' });
    const manifest = await backup(live.app.get<AppConfig>(APP_CONFIG), join(dir, 'backup'));
    await writing;
    expect(manifest.files).toEqual([expect.stringMatching(/^community\//)]);

    const dataDir = mkdtempSync(join(tmpdir(), 'echo-hub-test-'));
    const config = loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: onPostgres ? await postgresDatabase(dataDir, 'create') : '',
      // The same files place startTestApp gives an app on this DATA_DIR.
      ...(onS3 ? s3Env(String(process.env.TEST_S3_ENDPOINT), basename(dataDir)) : {}),
    });
    await restore(config, join(dir, 'backup'));
    restored = await startTestApp({}, { dataDir });

    const signIn = await api(restored.app)
      .post('/api/auth/login')
      .send({ email: person.email, password: 'correct horse battery' })
      .expect(200);
    const token = signIn.body.accessToken as string;
    const programs = await api(restored.app).get('/api/programs').set('Authorization', `Bearer ${token}`).expect(200);
    expect(programs.body.map((p: { name: string }) => p.name)).toContain('Backed-up ECHO');
    const threads = await api(restored.app)
      .get(`/api/groups/${group.id}/threads`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(JSON.stringify(threads.body)).toContain('Leaflets');
    const copy = await api(restored.app)
      .get(`/api/attachments/${upload.id}`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    expect(Buffer.compare(copy.body as Buffer, original.body as Buffer)).toBe(0);
    // The generated auth secret came along: tokens of the old hub still work on the restored one.
    await api(restored.app).get('/api/me').set('Authorization', `Bearer ${person.token}`).expect(200);
  });

  // `npm run backup` / `npm run restore`: the built CLI, configured by the environment as the hub is.
  const cli = join(__dirname, '..', 'dist', 'backup', 'cli.js');
  const noBuild = existsSync(cli) ? null : 'apps/server/dist is missing (node scripts/setup.mjs builds it)';
  // Skipped only without a build of the server (noBuild says so in the title); npm test builds it first.
  (noBuild ? it.skip : it)(
    `the CLI backs up and restores with the hub's configuration${noBuild ? ` (skipped: ${noBuild})` : ''}`,
    async () => {
      const envOf = async (dataDir: string) => ({
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: onPostgres ? await postgresDatabase(dataDir, 'create') : '',
        ...(onS3 ? s3Env(String(process.env.TEST_S3_ENDPOINT), basename(dataDir)) : {}),
      });
      const target = join(dir, 'by-cli');
      // Not execFileSync: with TEST_STORAGE=s3 the bucket (s3rver) answers from this very process.
      const { stdout } = await run(process.execPath, [cli, 'backup', target], { env: await envOf(live.dataDir) });
      expect(stdout).toMatch(/backed up the (sqlite|postgres) database and 1 file\(s\)/);
      const dataDir = mkdtempSync(join(tmpdir(), 'echo-hub-test-'));
      await run(process.execPath, [cli, 'restore', target], { env: await envOf(dataDir) });
      const again = await startTestApp({}, { dataDir });
      try {
        const programs = await api(again.app).get('/api/programs').set('Authorization', `Bearer ${person.token}`);
        expect(programs.status).toBe(200);
        expect(programs.body.map((p: { name: string }) => p.name)).toContain('Backed-up ECHO');
      } finally {
        await again.close();
      }
    },
  );

  it('refuses to restore over an existing database', async () => {
    const config = loadConfig({ ...process.env, DATA_DIR: restored!.dataDir, DATABASE_URL: '' });
    if (onPostgres) return; // pg_restore into a database with tables fails too, through --exit-on-error
    await expect(restore(config, join(dir, 'backup'))).rejects.toThrow(/exists: restore into a new hub/);
  });
});
