import type { JoinResponse, QueuedCase, RecordingDto, RoomState } from '@echo-hub/protocol';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RoomRegistry } from '../src/live/room-registry';
import { ProgramsService } from '../src/programs/programs.service';
import { Recording } from '../src/recordings/entities/recording.entity';
import { RecordingsService } from '../src/recordings/recordings.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { StorageService } from '../src/storage/storage.service';
import { type Account, account, addMember, api, asBytes, bearer, waitUntil } from './fixtures';
import { TestLiveClient } from './live-client';
import { cleanCase } from './routes';
import { probe, rtpSources } from './rtp-sources';
import { onS3, startTestApp } from './test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A live session whose facilitator sends real media (ffmpeg test sources) into the room. */
async function liveSession(env: Record<string, string> = {}) {
  const t = await startTestApp({
    RECORDING_PORT_MIN: String(44000 + Math.floor(Math.random() * 50) * 64),
    RECORDING_PORT_MAX: '47999',
    ...env,
  });
  await t.app.listen(0, '127.0.0.1');
  const url = await t.app.getUrl();
  const host = await account(t.app, 'host');
  const spoke = await account(t.app, 'spoke');
  const stranger = await account(t.app, 'stranger');
  const program = await t.app.get(ProgramsService).create({ name: 'Social Prescribing ECHO' });
  await addMember(t.app, program.id, host.id, 'facilitator');
  await addMember(t.app, program.id, spoke.id, 'participant');
  const agenda = [
    { kind: 'didactic' as const, title: 'Motivational interviewing basics', minutes: 15 },
    { kind: 'case' as const, minutes: 30 },
    { kind: 'case' as const, minutes: 30 },
  ];
  const session = await t.app
    .get(SessionsService)
    .create(program.id, { title: 'Live', startsAt: new Date().toISOString(), durationMinutes: 90, agenda }, null);
  const connect = async (who: Account) => {
    const c = new TestLiveClient(url, who.token);
    await c.connected();
    c.state = (await c.ok<JoinResponse>('session:join', { sessionId: session.id })).state as RoomState;
    return c;
  };
  const hostClient = await connect(host);
  const spokeClient = await connect(spoke);
  await hostClient.ok('host:open');
  const room = t.app.get(RoomRegistry).get(session.id);
  if (!room?.media) throw new Error('no media room');
  const sources = await rtpSources(room.media.router);
  await room.media.adopt(host.id, sources.video);
  await room.media.adopt(host.id, sources.audio);
  const close = async () => {
    hostClient.close();
    spokeClient.close();
    sources.stop();
    await t.close();
  };
  return { t, host, spoke, stranger, programId: program.id, sessionId: session.id, hostClient, spokeClient, close };
}

describe('recordings', () => {
  let s: Awaited<ReturnType<typeof liveSession>>;
  beforeAll(async () => {
    s = await liveSession();
  });
  afterAll(() => s.close());

  const list = async () =>
    (await api(s.t.app).get(`/api/programs/${s.programId}/recordings`).set(bearer(s.spoke)).expect(200))
      .body as RecordingDto[];

  it('records a didactic slot by itself, with a banner for everyone, into a WebM with video and audio', async () => {
    await s.hostClient.ok('host:phase', { phase: 'didactic', slot: 0 });
    await waitUntil(() => s.spokeClient.state?.recording === true);
    await sleep(4000);
    await s.hostClient.ok('host:phase', { phase: 'cases', slot: 1 });
    await waitUntil(() => s.spokeClient.state?.recording === false);
    await s.t.app.get(RecordingsService).stored();
    const [rec] = await list();
    expect(rec).toMatchObject({
      title: 'Motivational interviewing basics',
      kind: 'didactic',
      status: 'complete',
      consented: false,
    });
    expect(rec.sizeBytes).toBeGreaterThan(10_000);
    // On S3 the file has left RECORDINGS_DIR for the bucket; on local disk RECORDINGS_DIR is where it is kept.
    expect(existsSync(join(s.t.dataDir, await keyOf(rec)))).toBe(!onS3);
    const file = join(s.t.dataDir, 'probe.webm');
    writeFileSync(file, await storedBytes(rec));
    const { codecs, duration } = await probe(file);
    expect(codecs.sort()).toEqual(['audio:opus', 'video:vp8']);
    expect(duration).toBeGreaterThan(4 * 0.8);
    expect(duration).toBeLessThan((rec.durationSeconds ?? 0) * 1.2 + 1);
  });

  it('serves the file with range requests (206 with the right bytes) to members only', async () => {
    const [rec] = await list();
    const bytes = await storedBytes(rec);
    const res = await api(s.t.app)
      .get(rec.mediaUrl)
      .set(bearer(s.spoke))
      .set('Range', 'bytes=100-199')
      .buffer(true)
      .parse(asBytes)
      .expect(206);
    expect(res.headers['content-range']).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.compare(res.body as Buffer, bytes.subarray(100, 200))).toBe(0);
    await api(s.t.app).get(rec.mediaUrl).set(bearer(s.stranger)).expect(403);
    await api(s.t.app).get(rec.mediaUrl).expect(401);

    // The <video> element plays through a short-lived ticket URL, also with ranges.
    const { url, captionsUrl } = (
      await api(s.t.app).post(`/api/recordings/${rec.id}/ticket`).set(bearer(s.spoke)).expect(201)
    ).body;
    // Nobody captioned this one: no captions link, and the captions route says so.
    expect(captionsUrl).toBeNull();
    await api(s.t.app).get(url.replace('/stream?', '/captions?')).expect(404);
    const played = await api(s.t.app).get(url).set('Range', 'bytes=0-9').buffer(true).parse(asBytes).expect(206);
    expect(Buffer.compare(played.body as Buffer, bytes.subarray(0, 10))).toBe(0);
    await api(s.t.app)
      .get(url.replace(/ticket=.*/, 'ticket=forged'))
      .expect(401);
    await api(s.t.app).post(`/api/recordings/${rec.id}/ticket`).set(bearer(s.stranger)).expect(403);
  });

  it('never records a case without consent; with everyone’s recorded consent it does', async () => {
    const submit = (title: string) =>
      api(s.t.app)
        .post(`/api/sessions/${s.sessionId}/cases`)
        .set(bearer(s.spoke))
        .send({ ...cleanCase, title })
        .expect(201);
    await submit('Case without consent');
    await submit('Case with consent');
    const queue = (await api(s.t.app).get(`/api/sessions/${s.sessionId}`).set(bearer(s.spoke))).body
      .cases as QueuedCase[];

    expect(await s.hostClient.request('host:record', { on: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await s.hostClient.ok('host:openCase', { caseId: queue[0].id });
    await sleep(1500);
    expect(s.spokeClient.state?.recording).toBe(false);
    await s.hostClient.ok('host:closeCase');
    expect(await list()).toHaveLength(1);

    // Consent from only some of those present is not enough.
    await s.hostClient.ok('host:recordConsent', { userIds: [s.host.id] });
    await s.hostClient.ok('host:openCase', { caseId: queue[1].id });
    await sleep(1000);
    expect(s.spokeClient.state?.recording).toBe(false);
    await s.hostClient.ok('host:closeCase');

    await s.hostClient.ok('host:recordConsent', { userIds: [s.host.id, s.spoke.id] });
    const third = (await submit('Case with everyone’s consent')).body.id as string;
    await s.hostClient.ok('host:openCase', { caseId: third });
    await waitUntil(() => s.spokeClient.state?.recording === true);
    await sleep(3000);
    await s.hostClient.ok('host:closeCase');
    await waitUntil(() => s.spokeClient.state?.recording === false);
    await s.t.app.get(RecordingsService).stored();
    const recs = await list();
    expect(recs).toHaveLength(2);
    expect(recs[0]).toMatchObject({ kind: 'case', consented: true, status: 'complete' });
  });

  it('deletes recordings past the retention period, file and row, and keeps the rest', async () => {
    const service = s.t.app.get(RecordingsService);
    const before = await list();
    const keys = await Promise.all(before.map(keyOf));
    const in400Days = Date.now() + 400 * 86_400_000;
    expect(await service.deleteExpired(Date.now())).toBe(0);
    expect(await service.deleteExpired(in400Days)).toBe(before.length);
    expect(await list()).toEqual([]);
    for (const key of keys) expect(await storage().head(key)).toBeNull();
  });

  const storage = () => s.t.app.get(StorageService);

  async function keyOf(rec: RecordingDto): Promise<string> {
    const row = await s.t.app.get(DataSource).getRepository(Recording).findOneByOrFail({ id: rec.id });
    return `recordings/${row.file}`;
  }

  /** The recording's bytes as stored (on local disk in RECORDINGS_DIR, or in the bucket). */
  async function storedBytes(rec: RecordingDto): Promise<Buffer> {
    return Buffer.concat(await (await storage().get(await keyOf(rec))).toArray());
  }
});

describe('recording failures', () => {
  it('a missing ffmpeg stops the recording with a clear message to the facilitator and a health flag, never the session', async () => {
    const s = await liveSession({ FFMPEG_PATH: '/nonexistent/ffmpeg' });
    try {
      const told = s.hostClient.waitFor<{ message: string }>('recording:failed');
      await s.hostClient.ok('host:phase', { phase: 'didactic', slot: 0 });
      expect((await told).message).toMatch(/ffmpeg could not start/);
      expect(s.hostClient.state?.recording).toBe(false);
      const health = await api(s.t.app).get('/api/health').expect(200);
      expect(health.body.recordings).toBe('error');
      // The session carries on.
      await s.spokeClient.ok('chat:send', { text: 'Still here' });
      await s.hostClient.ok('host:phase', { phase: 'cases', slot: 1 });
      const [rec] = (await api(s.t.app).get(`/api/programs/${s.programId}/recordings`).set(bearer(s.host)).expect(200))
        .body as RecordingDto[];
      expect(rec.status).toBe('failed');
    } finally {
      await s.close();
    }
  });
});
