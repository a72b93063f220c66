import type { SessionDto } from '@echo-hub/protocol';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, loadConfig } from '../src/config/config';
import { Recording } from '../src/recordings/entities/recording.entity';
import { RecordingsService } from '../src/recordings/recordings.service';
import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { createStorage } from '../src/storage/storage.module';
import { StorageNotFound, StorageService } from '../src/storage/storage.service';
import { type Account, account, addMember, api, asBytes, bearer } from './fixtures';
import { cleanCase, fakeRecording } from './routes';
import { s3Env, startS3Server, type TestS3 } from './s3-server';
import { TINY_PNG, tinyPdf } from './upload-fixtures';
import { startTestApp, type TestApp } from './test-app';
import { onPostgres, postgresDatabase } from './test-database';

const bytesOf = async (body: Readable) => Buffer.concat((await body.toArray()) as Buffer[]);

let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3.stop());

describe.each(['local disk', 'S3'])('the %s driver', (driver) => {
  let dir: string;
  let storage: StorageService;
  const video = randomBytes(100_000);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'echo-hub-storage-'));
    const env = driver === 'S3' ? s3Env(s3.endpoint, `driver-${Date.now()}`) : {};
    storage = createStorage(
      loadConfig({ MEDIASOUP_WORKER_BIN: process.execPath, DATA_DIR: dir, ...env, RECORDINGS_DIR: join(dir, 'rec') }),
    );
  });
  afterAll(() => {
    storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores, reads whole and by range, lists and deletes', async () => {
    await storage.put('slides/talk.pdf', Buffer.from('%PDF-1.4 talk'), { contentType: 'application/pdf' });
    await storage.put('slides/other.pdf', Buffer.from('%PDF-1.4 other'), { contentType: 'application/pdf' });
    expect(await storage.head('slides/talk.pdf')).toMatchObject({ size: 13, modified: expect.any(Date) });
    expect((await bytesOf(await storage.get('slides/talk.pdf'))).toString()).toBe('%PDF-1.4 talk');
    expect((await bytesOf(await storage.get('slides/talk.pdf', { start: 1, end: 3 }))).toString()).toBe('PDF');
    expect((await storage.list('slides/')).sort()).toEqual(['slides/other.pdf', 'slides/talk.pdf']);
    expect(await storage.list('cases/')).toEqual([]);

    await storage.delete('slides/talk.pdf');
    await storage.delete('slides/talk.pdf'); // already gone: nothing happens
    expect(await storage.head('slides/talk.pdf')).toBeNull();
    await expect(storage.get('slides/talk.pdf')).rejects.toBeInstanceOf(StorageNotFound);
    expect(await storage.list('slides/')).toEqual(['slides/other.pdf']);
    await expect(storage.check()).resolves.toBeUndefined();
  });

  it('takes over a finished recording from RECORDINGS_DIR', async () => {
    const spool = join(dir, 'rec');
    mkdirSync(spool, { recursive: true });
    writeFileSync(join(spool, 'talk.webm'), video);
    await storage.moveIn(join(spool, 'talk.webm'), 'recordings/talk.webm', { contentType: 'video/webm' });
    expect(await storage.head('recordings/talk.webm')).toMatchObject({ size: video.length });
    const part = await bytesOf(await storage.get('recordings/talk.webm', { start: 50_000, end: 50_099 }));
    expect(part.equals(video.subarray(50_000, 50_100))).toBe(true);
    // On local disk the file stays where ffmpeg wrote it (today's layout); S3 uploads it and removes it.
    expect(existsSync(join(spool, 'talk.webm'))).toBe(driver === 'local disk');
  });

  it('refuses keys that could leave its folders', async () => {
    for (const key of ['../etc/passwd', 'slides/../../x', '/abs', 'slides/a/b']) {
      await expect(storage.put(key, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(/invalid/);
    }
  });
});

describe('/api/health reports storage', () => {
  it('storage ok with a reachable bucket; error (503, degraded) with a bucket that is not there', async () => {
    const ok = await startTestApp(s3Env(s3.endpoint, 'health'));
    const missing = await startTestApp({ ...s3Env(s3.endpoint, ''), STORAGE_URL: 's3://no-such-bucket' });
    try {
      expect((await api(ok.app).get('/api/health').expect(200)).body).toMatchObject({ status: 'ok', storage: 'ok' });
      const res = await api(missing.app).get('/api/health').expect(503);
      expect(res.body).toMatchObject({ status: 'degraded', storage: 'error', db: 'ok' });
      await api(missing.app).get('/api/ready').expect(503, { ready: false, reason: 'storage' });
      await api(ok.app).get('/api/ready').expect(200, { ready: true });
    } finally {
      await ok.close();
      await missing.close();
    }
  });
});

describe('two hub instances sharing the database and the bucket', () => {
  let a: TestApp;
  let b: TestApp;
  let facilitator: Account;
  let spoke: Account;
  let programId: string;
  let session: SessionDto;

  beforeAll(async () => {
    const env = { ...s3Env(s3.endpoint, 'shared'), AUTH_SECRET: randomBytes(24).toString('hex') };
    a = await startTestApp(env);
    const databaseUrl = onPostgres
      ? await postgresDatabase(a.dataDir, 'create')
      : `sqlite:${join(a.dataDir, 'echo-hub.sqlite')}`;
    // Its own DATA_DIR: nothing but the database, the bucket and AUTH_SECRET is shared.
    b = await startTestApp({ ...env, DATABASE_URL: databaseUrl });

    facilitator = await account(a.app, 'facilitator');
    spoke = await account(a.app, 'spoke');
    programId = (await a.app.get(ProgramsService).create({ name: 'Scaled-out ECHO' })).id;
    await addMember(a.app, programId, facilitator.id, 'facilitator');
    await addMember(a.app, programId, spoke.id, 'participant');
    const agenda = [
      { kind: 'didactic' as const, title: 'Pain science', minutes: 15 },
      { kind: 'case' as const, minutes: 30 },
    ];
    session = await a.app
      .get(SessionsService)
      .create(programId, { title: 'S1', startsAt: new Date().toISOString(), durationMinutes: 60, agenda }, null);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a file uploaded through A downloads through B; deleted through B, it is gone for A', async () => {
    // Slides through A, read through B.
    const slides = tinyPdf('Pain science in ten minutes');
    const up = await api(a.app)
      .post(`/api/sessions/${session.id}/agenda/${session.agenda[0].id}/slides`)
      .set(bearer(facilitator))
      .attach('file', slides, 'pain-science.pdf')
      .expect(201);
    const got = await api(b.app).get(up.body.slides.url).set(bearer(spoke)).buffer(true).parse(asBytes).expect(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain('pain-science.pdf');
    // What B sends is what A stored (the upload lost its metadata on the way in, so not byte for byte the upload).
    const fromA = await api(a.app).get(up.body.slides.url).set(bearer(spoke)).buffer(true).parse(asBytes).expect(200);
    expect((got.body as Buffer).equals(fromA.body as Buffer)).toBe(true);
    expect((got.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    // A case attachment through A, read and removed through B.
    const caseId = (
      await api(a.app).post(`/api/sessions/${session.id}/cases`).set(bearer(spoke)).send(cleanCase).expect(201)
    ).body.id as string;
    const png = TINY_PNG;
    const attached = await api(a.app)
      .post(`/api/cases/${caseId}/attachments`)
      .set(bearer(spoke))
      .field('confirmIdentifiersRemoved', 'true')
      .attach('file', png, 'knee.png')
      .expect(201);
    const url = `/api/cases/${caseId}/attachments/${attached.body.id}`;
    const image = await api(b.app).get(url).set(bearer(spoke)).buffer(true).parse(asBytes).expect(200);
    const imageFromA = await api(a.app).get(url).set(bearer(spoke)).buffer(true).parse(asBytes).expect(200);
    expect((image.body as Buffer).equals(imageFromA.body as Buffer)).toBe(true);
    expect((image.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    expect(await a.app.get(StorageService).list('cases/')).toHaveLength(1);
    await api(b.app).delete(url).set(bearer(spoke)).expect(204);
    expect(await a.app.get(StorageService).list('cases/')).toEqual([]);
    await api(a.app).get(url).set(bearer(spoke)).expect(404);

    // Nothing went to either instance's local disk.
    for (const dir of [a.dataDir, b.dataDir]) {
      expect(existsSync(join(dir, 'slides')) || existsSync(join(dir, 'cases'))).toBe(false);
    }
  });

  it('a recording stored by A plays through B with range requests (206 from an S3 ranged GetObject)', async () => {
    const video = randomBytes(300_000);
    const id = await fakeRecording(a, programId, session.id, video);
    const media = `/api/recordings/${id}/media`;
    const part = await api(b.app)
      .get(media)
      .set(bearer(spoke))
      .set('Range', 'bytes=200000-200999')
      .buffer(true)
      .parse(asBytes)
      .expect(206);
    expect(part.headers['content-range']).toBe(`bytes 200000-200999/${video.length}`);
    expect(part.headers['accept-ranges']).toBe('bytes');
    expect((part.body as Buffer).equals(video.subarray(200_000, 201_000))).toBe(true);
    const tail = await api(b.app).get(media).set(bearer(spoke)).set('Range', 'bytes=-10').buffer(true).parse(asBytes);
    expect(tail.status).toBe(206);
    expect((tail.body as Buffer).equals(video.subarray(-10))).toBe(true);
    const whole = await api(b.app).get(media).set(bearer(spoke)).buffer(true).parse(asBytes).expect(200);
    expect((whole.body as Buffer).equals(video)).toBe(true);
    await api(b.app).get(media).set(bearer(spoke)).set('Range', 'bytes=400000-').expect(416);
  });
});

describe('recordings left storing when the hub stopped', () => {
  it('are stored at the next start; a bucket that cannot take one marks it failed, the file kept on disk', async () => {
    const good = s3Env(s3.endpoint, 'restart');
    const t1 = await startTestApp(good, { keepDataDir: true });
    const { dataDir } = t1;
    const programId = (await t1.app.get(ProgramsService).create({ name: 'Restarted ECHO' })).id;
    const agenda = [{ kind: 'didactic' as const, title: 'Talk', minutes: 15 }];
    const sessionId = (
      await t1.app
        .get(SessionsService)
        .create(programId, { title: 'S1', startsAt: new Date().toISOString(), durationMinutes: 60, agenda }, null)
    ).id;
    const spool = t1.app.get<AppConfig>(APP_CONFIG).recordings.dir;
    mkdirSync(spool, { recursive: true });
    const recording = async () => {
      const id = await fakeRecording(t1, programId, sessionId);
      await t1.app.get(StorageService).delete('recordings/fixture.webm');
      return id;
    };
    /** Finished by ffmpeg but not in storage yet, as a stop in the middle of an upload leaves it. */
    const leaveStoring = async (t: TestApp, id: string, file: string, bytes: Buffer) => {
      await t.app.get(DataSource).getRepository(Recording).update({ id }, { status: 'storing', file });
      writeFileSync(join(spool, file), bytes);
    };
    const status = (t: TestApp, id: string) => t.app.get(DataSource).getRepository(Recording).findOneByOrFail({ id });
    const [first, second] = [await recording(), await recording()];
    await leaveStoring(t1, first, 'first.webm', randomBytes(1000));
    await t1.close();

    const t2 = await startTestApp({ ...good, STORAGE_URL: 's3://no-such-bucket' }, { dataDir, keepDataDir: true });
    await t2.app.get(RecordingsService).stored();
    expect(await status(t2, first)).toMatchObject({ status: 'failed', error: expect.stringContaining('kept at') });
    expect(existsSync(join(spool, 'first.webm'))).toBe(true);
    expect((await api(t2.app).get('/api/health')).body.recordings).toBe('error');
    await leaveStoring(t2, second, 'second.webm', randomBytes(2000));
    await t2.close();

    const t3 = await startTestApp(good, { dataDir });
    try {
      await t3.app.get(RecordingsService).stored();
      expect(await status(t3, second)).toMatchObject({ status: 'complete' });
      expect(await t3.app.get(StorageService).head('recordings/second.webm')).toMatchObject({ size: 2000 });
      expect(existsSync(join(spool, 'second.webm'))).toBe(false);
      expect(await status(t3, first)).toMatchObject({ status: 'failed' }); // not retried by itself
    } finally {
      await t3.close();
    }
  });
});
