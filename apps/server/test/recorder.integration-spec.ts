import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePortBlock } from '../../../scripts/free-port';
import { WorkerPool } from '../src/media/worker-pool';
import { Recorder } from '../src/recordings/recorder';
import { probe, rtpSources } from './rtp-sources';
import { startTestApp, type TestApp } from './test-app';

/** A block of local UDP ports checked free, below the ephemeral range (so no client socket takes one meanwhile). */
const freePorts = (n: number) => freePortBlock(n, ['udp']);

describe('Recorder: PlainTransports into ffmpeg', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('writes a WebM with a video and an audio stream lasting as long as it ran', async () => {
    const router = await t.app.get(WorkerPool).createRouter();
    const sources = await rtpSources(router, { userId: 'x' });
    const file = join(mkdtempSync(join(tmpdir(), 'echo-rec-')), 'slot.webm');
    try {
      const recorder = await Recorder.start({
        router,
        video: sources.video,
        audio: [sources.audio],
        ports: await freePorts(4),
        file,
        ffmpeg: 'ffmpeg',
      });
      const started = Date.now();
      await new Promise((r) => setTimeout(r, 5000));
      const ranFor = (Date.now() - started) / 1000;
      await recorder.stop();
      const { codecs, duration } = await probe(file);
      expect(codecs.sort()).toEqual(['audio:opus', 'video:vp8']);
      // The file lasts as long as the recorder ran (within 20%; it may also hold the last second before stop).
      expect(duration).toBeGreaterThan(ranFor * 0.8);
      expect(duration).toBeLessThan(ranFor * 1.2 + 1);
    } finally {
      sources.stop();
      router.close();
    }
  });

  it('fails with a clear message when ffmpeg is missing, and leaves nothing running', async () => {
    const router = await t.app.get(WorkerPool).createRouter();
    const sources = await rtpSources(router);
    try {
      await expect(
        Recorder.start({
          router,
          audio: [sources.audio],
          ports: await freePorts(2),
          file: join(mkdtempSync(join(tmpdir(), 'echo-rec-')), 'x.webm'),
          ffmpeg: '/nonexistent/ffmpeg',
        }),
      ).rejects.toThrow(/ffmpeg could not start.*FFMPEG_PATH/);
    } finally {
      sources.stop();
      router.close();
    }
  });
});
