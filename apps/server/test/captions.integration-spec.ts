import type { CaptionLine, JoinResponse, RecordingTicket, RoomState } from '@echo-hub/protocol';
import request from 'supertest';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RoomRegistry } from '../src/live/room-registry';
import { WorkerPool } from '../src/media/worker-pool';
import type { ms } from '../src/media/mediasoup';
import { ProgramsService } from '../src/programs/programs.service';
import { Recording } from '../src/recordings/entities/recording.entity';
import { RecordingsService } from '../src/recordings/recordings.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { StorageService } from '../src/storage/storage.service';
import { type Account, account, addMember } from './fixtures';
import { TestLiveClient } from './live-client';
import { startTestApp } from './test-app';

const SPOKEN = 'Good morning everyone. Today we talk about goal setting with patients.';

/** A microphone without a browser: espeak-ng speech, looped, sent by ffmpeg as Opus RTP into a PlainTransport. */
async function speakingMicrophone(router: ms.Router, wav: string) {
  const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: true });
  const ssrc = 33_333_333;
  const producer = await transport.produce({
    kind: 'audio',
    appData: { source: 'mic' },
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
      encodings: [{ ssrc }],
    },
  });
  const child: ChildProcess = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', wav],
      ...['-ar', '48000', '-c:a', 'libopus', '-ac', '2', '-payload_type', '100'],
      ...['-ssrc', String(ssrc), '-f', 'rtp', `rtp://127.0.0.1:${transport.tuple.localPort}`],
    ],
    { stdio: 'ignore' },
  );
  return { producer, stop: () => child.kill('SIGKILL') };
}

describe('captions (real mediasoup, ffmpeg and pocketsphinx)', () => {
  let dir: string;
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let host: Account;
  let hostClient: TestLiveClient;
  let spokeClient: TestLiveClient;
  let sessionId: string;
  let spokeId: string;
  let mic: Awaited<ReturnType<typeof speakingMicrophone>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'echo-captions-'));
    // A pause after the speech: the engine finds the end of an utterance by it.
    execFileSync('espeak-ng', ['-w', join(dir, 'said.wav'), SPOKEN]);
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-i',
      join(dir, 'said.wav'),
      '-af',
      'apad=pad_dur=1.5',
      join(dir, 'speech.wav'),
    ]);
    t = await startTestApp({
      CAPTIONS_ENGINE: 'pocketsphinx',
      RECORDING_PORT_MIN: String(44000 + Math.floor(Math.random() * 50) * 64),
      RECORDING_PORT_MAX: '47999',
    });
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    host = await account(t.app, 'host');
    const spoke = await account(t.app, 'spoke');
    spokeId = spoke.id;
    const program = await t.app.get(ProgramsService).create({ name: 'Social Prescribing ECHO' });
    await addMember(t.app, program.id, host.id, 'facilitator');
    await addMember(t.app, program.id, spoke.id, 'participant');
    const session = await t.app
      .get(SessionsService)
      .create(program.id, { title: 'Live', startsAt: new Date().toISOString(), durationMinutes: 60, agenda: [] }, null);
    sessionId = session.id;
    const connect = async (who: Account) => {
      const c = new TestLiveClient(url, who.token);
      await c.connected();
      c.state = (await c.ok<JoinResponse>('session:join', { sessionId })).state as RoomState;
      return c;
    };
    hostClient = await connect(host);
    spokeClient = await connect(spoke);
    await hostClient.ok('host:open');
    const room = t.app.get(RoomRegistry).get(sessionId);
    if (!room?.media) throw new Error('no media room');
    mic = await speakingMicrophone(room.media.router, join(dir, 'speech.wav'));
    await room.media.adopt(host.id, mic.producer);
  }, 60_000);

  afterAll(async () => {
    hostClient?.close();
    spokeClient?.close();
    mic?.stop();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("turns the active speaker's microphone into caption lines on the other clients", async () => {
    await hostClient.ok('host:autoCaptions', { on: true });
    await spokeClient.stateWhere((s) => s.captions.auto);
    // The active-speaker observer names the speaker (a producer made outside a browser is not observed).
    t.app.get(RoomRegistry).get(sessionId)?.media?.emit('speaker', host.id);
    const line = await spokeClient.waitFor<CaptionLine>('caption:line', (l) => l.source === 'auto', 90_000);
    expect(line).toMatchObject({ userId: host.id, displayName: 'Test host', final: true });
    expect(line.text).toMatch(/[a-z]+/);
  }, 120_000);

  it('decodes the speaker named last, however quickly the floor changes hands', async () => {
    // The spoke has a microphone too (silence): each change of speaker opens or switches a way to the engine.
    const silence = join(dir, 'silence.wav');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '3', silence]);
    const media = t.app.get(RoomRegistry).get(sessionId)?.media;
    if (!media) throw new Error('no media room');
    const quiet = await speakingMicrophone(media.router, silence);
    try {
      await media.adopt(spokeId, quiet.producer);
      for (const speaker of [spokeId, host.id, spokeId, host.id, spokeId, host.id]) media.emit('speaker', speaker);
      const since = Date.now();
      const line = await spokeClient.waitFor<CaptionLine>(
        'caption:line',
        (l) => l.source === 'auto' && Date.parse(l.at) > since,
        90_000,
      );
      expect(line).toMatchObject({ userId: host.id, final: true });
    } finally {
      quiet.stop();
    }
  }, 120_000);

  it('keeps the lines of a recorded stretch with the recording, as WebVTT, and nothing unrecorded', async () => {
    await hostClient.ok('host:captioner', { userId: host.id });
    await hostClient.ok('caption:send', { text: 'Before the recording: not kept.', final: true });
    await hostClient.ok('host:record', { on: true });
    await spokeClient.stateWhere((s) => s.recording);
    await hostClient.ok('caption:send', { text: 'Her NHS number is 943 476 5919.', final: true });
    await hostClient.ok('caption:send', { text: 'The goal is a walk every day.', final: true });
    await new Promise((r) => setTimeout(r, 2000));
    await hostClient.ok('host:record', { on: false });
    const recordings = t.app.get(RecordingsService);
    await recordings.stored();
    const [row] = await t.app.get(DataSource).getRepository(Recording).findBy({ sessionId });
    const vtt = Buffer.concat(
      await (await t.app.get(StorageService).get(`recordings/${row.file}.vtt`)).toArray(),
    ).toString();
    expect(vtt.startsWith('WEBVTT\n')).toBe(true);
    expect(vtt).toContain('<v Test host>The goal is a walk every day.');
    expect(vtt).toContain('Her NHS number is […]');
    expect(vtt).not.toContain('5919');
    expect(vtt).not.toContain('Before the recording');
    // Playback shows them: the ticket carries a captions link the <track> element loads without a bearer token.
    const { captionsUrl } = (
      await request(t.app.getHttpServer())
        .post(`/api/recordings/${row.id}/ticket`)
        .set('Authorization', `Bearer ${host.token}`)
        .expect(201)
    ).body as RecordingTicket;
    if (!captionsUrl) throw new Error('no captions link on the ticket');
    const served = await request(t.app.getHttpServer()).get(captionsUrl).expect(200);
    expect(served.headers['content-type']).toMatch(/^text\/vtt/);
    expect(served.text).toBe(vtt);
    await request(t.app.getHttpServer())
      .get(captionsUrl.replace(/ticket=.*/, 'ticket=forged'))
      .expect(401);
    await hostClient.ok('host:autoCaptions', { on: false });
  }, 120_000);

  it('follows the speaker again on the media rebuilt after the worker hosting the room died', async () => {
    await hostClient.ok('host:autoCaptions', { on: true });
    const registry = t.app.get(RoomRegistry);
    const before = registry.get(sessionId)?.media;
    const pid = before && t.app.get(WorkerPool).workerOf(before.router)?.pid;
    if (!before || !pid) throw new Error('no media room on a worker');
    mic.stop();
    const reset = spokeClient.waitFor('media:reset', () => true, 60_000);
    process.kill(pid, 'SIGKILL');
    await reset;
    const after = registry.get(sessionId)?.media;
    if (!after || after === before || after.closed) throw new Error('the media was not rebuilt');
    expect((await registry.get(sessionId)?.state())?.captions.auto).toBe(true);
    // The host sends again on the new router (a browser re-creates its transports on media:reset).
    mic = await speakingMicrophone(after.router, join(dir, 'speech.wav'));
    await after.adopt(host.id, mic.producer);
    after.emit('speaker', host.id);
    const line = await spokeClient.waitFor<CaptionLine>('caption:line', (l) => l.source === 'auto', 90_000);
    expect(line).toMatchObject({ userId: host.id, final: true });
  }, 180_000);
});
