import type { CaptionLine } from '@echo-hub/protocol';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimitService } from '../common/rate-limit.service';
import type { AppConfig } from '../config/config';
import type { RecordingsService } from '../recordings';
import { LiveCaptions } from './captions';
import { liveParts, sessionWith } from './live.fixtures';
import type { LiveRecords } from './live.records';

function captionsOf(parts: ReturnType<typeof liveParts>, recording = false) {
  const kept: { sessionId: string; speaker: string; text: string }[] = [];
  const recordings = {
    isRecording: () => recording,
    addCaption: (sessionId: string, speaker: string, text: string) => kept.push({ sessionId, speaker, text }),
  };
  const config = { captions: { engine: 'off', pocketsphinx: 'pocketsphinx_continuous' } } as AppConfig;
  const sut = new LiveCaptions(
    parts.rooms,
    parts.records as unknown as LiveRecords,
    parts.realtime,
    new RateLimitService(new ThrottlerStorageService()),
    recordings as unknown as RecordingsService,
    config,
  );
  return { sut, kept };
}

const lines = (parts: ReturnType<typeof liveParts>, sessionId: string) =>
  parts.realtime.of('caption:line', `session:${sessionId}`) as CaptionLine[];

describe('LiveCaptions', () => {
  it('the captioner a host assigned streams lines to the room; nobody else may', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const [captioner, other] = s.spokes;
    const { sut, kept } = captionsOf(parts);

    await expect(sut.send(captioner, 'Hello', true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sut.assign(other, captioner.user.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await sut.assign(s.host, captioner.user.id);
    expect((await s.state()).captions).toEqual({ captionerId: captioner.user.id, auto: false });

    await sut.send(captioner, 'Good morn', false);
    await sut.send(captioner, 'Good morning, everyone. ', true);
    expect(lines(parts, s.session.id)).toEqual([
      expect.objectContaining({ source: 'captioner', text: 'Good morn', final: false, userId: captioner.user.id }),
      expect.objectContaining({ source: 'captioner', text: 'Good morning, everyone.', final: true }),
    ]);
    await expect(sut.send(other, 'Me too', true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sut.send(captioner, '   ', true)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(kept).toEqual([]); // not recorded: nothing is stored

    await sut.assign(s.host, null);
    await expect(sut.send(captioner, 'Still here', true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a captioner must be someone in the room', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const { sut } = captionsOf(parts);
    await expect(sut.assign(s.host, '3f1d7a52-8f7e-4c1e-9d55-0a4c2a8f9b11')).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: expect.stringContaining('userId'),
    });
  });

  it('while the room is recorded, finished lines are kept after the de-identification gate', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const [captioner] = s.spokes;
    const { sut, kept } = captionsOf(parts, true);
    await sut.assign(s.host, captioner.user.id);
    await sut.send(captioner, 'Her NHS number is 943 476', false); // partial lines are never kept
    await sut.send(captioner, 'Her NHS number is 943 476 5919, seen on 3 March 2024.', true);
    expect(kept).toHaveLength(1);
    expect(kept[0].speaker).toBe(captioner.user.displayName);
    expect(kept[0].text).not.toMatch(/943 476 5919|3 March 2024/);
    expect(kept[0].text).toContain('[…]');
    // Everyone in the room saw the line as typed: only what is kept is gated.
    expect(lines(parts, s.session.id).at(-1)?.text).toContain('943 476 5919');
  });

  it('automatic captions need an engine (CAPTIONS_ENGINE)', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const { sut } = captionsOf(parts);
    await expect(sut.setAuto(s.host, true)).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: expect.stringContaining('CAPTIONS_ENGINE'),
    });
    await expect(sut.setAuto(s.spokes[0], true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
