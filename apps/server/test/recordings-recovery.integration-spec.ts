import type { RecordingDto } from '@echo-hub/protocol';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ProgramsService } from '../src/programs/programs.service';
import { Recording } from '../src/recordings/entities/recording.entity';
import { WEBM_OUTPUT } from '../src/recordings/recorder';
import { RecordingsService } from '../src/recordings/recordings.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { account, api, asBytes, bearer, waitUntil } from './fixtures';
import { probe, testMedia } from './rtp-sources';
import { startTestApp } from './test-app';
import { onPostgres, postgresDatabase } from './test-database';

/**
 * Recordings interrupted by a crash: the row says `recording`, the file is a WebM ffmpeg never finished (killed
 * with the hub), or is still being written by an ffmpeg the dead hub left behind. The next start finishes both as
 * `partial`, remuxed so that they play and seek, and stops the orphan. ffmpeg here writes a test pattern and a
 * tone the way the recorder writes a session (VP8 and Opus in WebM).
 */
describe('recordings interrupted by a crash', () => {
  const writers: ChildProcess[] = [];
  afterAll(() => writers.forEach((w) => w.kill('SIGKILL')));

  /** An ffmpeg writing a live-like WebM to `file` until stopped, as the recorder does (recorder.ts). */
  const writer = (file: string) => {
    const { videoInput, audioInput, videoCodec, audioCodec } = testMedia;
    const inputs = ['-re', ...videoInput, '-re', ...audioInput];
    const child = spawn(
      'ffmpeg',
      ['-nostdin', '-v', 'error', ...inputs, ...videoCodec, ...audioCodec, ...WEBM_OUTPUT, '-y', file],
      { stdio: 'ignore' },
    );
    writers.push(child);
    return child;
  };

  it('finishes them as partial, playable with seeking, and stops an orphaned ffmpeg', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'echo-hub-rec-crash-'));
    const env: Record<string, string> = onPostgres ? { DATABASE_URL: await postgresDatabase(dataDir, 'create') } : {};
    const before = await startTestApp(env, { dataDir, keepDataDir: true });
    const admin = await account(before.app, 'admin');
    const program = await before.app.get(ProgramsService).create({ name: 'Recorded ECHO' });
    const session = await before.app
      .get(SessionsService)
      .create(program.id, { title: 'Live', startsAt: new Date().toISOString(), durationMinutes: 60 }, null);
    const rows = before.app.get(DataSource).getRepository(Recording);
    const row = (file: string, title: string) =>
      rows.save(
        rows.create({
          programId: program.id,
          sessionId: session.id,
          title,
          presenterName: '',
          kind: 'didactic',
          status: 'recording',
          file,
          startedAt: new Date().toISOString(),
          endedAt: null,
          sizeBytes: 0,
          consent: null,
          error: null,
        }),
      );
    const killedRow = await row('killed.webm', 'Killed with the hub');
    const orphanRow = await row('orphan.webm', 'Left running');
    const emptyRow = await row('never-written.webm', 'Nothing written');
    await before.close();

    const dir = join(dataDir, 'recordings');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'never-written.webm.sdp'), 'v=0\n');
    const killed = writer(join(dir, 'killed.webm'));
    const orphan = writer(join(dir, 'orphan.webm'));
    const orphanGone = new Promise((resolve) => orphan.once('exit', resolve));
    const grown = (file: string) => existsSync(join(dir, file)) && statSync(join(dir, file)).size > 60_000;
    await waitUntil(() => grown('killed.webm') && grown('orphan.webm'), 60_000);
    killed.kill('SIGKILL');

    const t = await startTestApp(env, { dataDir });
    try {
      await orphanGone; // stopped by the start-up (SIGINT: it finished its file)
      await t.app.get(RecordingsService).stored();
      const list = (await api(t.app).get(`/api/programs/${program.id}/recordings`).set(bearer(admin)).expect(200))
        .body as RecordingDto[];
      const byId = new Map(list.map((r) => [r.id, r]));
      expect(byId.get(emptyRow.id)).toMatchObject({ status: 'failed' });
      expect(existsSync(join(dir, 'never-written.webm.sdp'))).toBe(false);
      for (const id of [killedRow.id, orphanRow.id]) {
        const rec = byId.get(id)!;
        expect(rec).toMatchObject({ status: 'partial' });
        expect(rec.endedAt).not.toBeNull();
        expect(rec.sizeBytes).toBeGreaterThan(60_000);
        // It plays: both streams, a duration (the remux wrote the index a killed ffmpeg never did), ranges.
        const bytes = (await api(t.app).get(rec.mediaUrl).set(bearer(admin)).buffer(true).parse(asBytes).expect(200))
          .body as Buffer;
        const copy = join(dataDir, `${id}.webm`);
        writeFileSync(copy, bytes);
        const { codecs, duration } = await probe(copy);
        expect(codecs.sort()).toEqual(['audio:opus', 'video:vp8']);
        expect(duration).toBeGreaterThan(1);
        await api(t.app).get(rec.mediaUrl).set(bearer(admin)).set('Range', 'bytes=1000-1999').expect(206);
      }
    } finally {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
