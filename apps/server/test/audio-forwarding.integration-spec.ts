import { createSocket, type Socket } from 'node:dgram';
import { AUDIO_HOLD_MS, MediaRoom } from '../src/media/media-room';
import type { ms } from '../src/media/mediasoup';
import { WorkerPool } from '../src/media/worker-pool';
import { startTestApp, type TestApp } from './test-app';

const AUDIO_LEVEL_URI = 'urn:ietf:params:rtp-hdrext:ssrc-audio-level';

/**
 * A microphone without a browser: RTP packets every 20 ms into a PlainTransport, each with the ssrc-audio-level
 * header extension (RFC 6464) a browser writes: `level` in −dBov (20: loud speech, 127: silence). The payload is not
 * Opus, which the observers never decode.
 */
async function microphone(router: ms.Router, userId: string, ssrc: number, level: number) {
  const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: true });
  const producer = await transport.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
      headerExtensions: [{ uri: AUDIO_LEVEL_URI, id: 1 }],
      encodings: [{ ssrc }],
    },
    appData: { userId, source: 'mic' },
  });
  const socket: Socket = createSocket('udp4');
  let seq = 0;
  const timer = setInterval(() => {
    const packet = Buffer.alloc(12 + 8 + 40);
    packet[0] = 0x90; // version 2, header extension
    packet[1] = 100;
    packet.writeUInt16BE(seq++ & 0xffff, 2);
    packet.writeUInt32BE((seq * 960) >>> 0, 4);
    packet.writeUInt32BE(ssrc, 8);
    packet.writeUInt16BE(0xbede, 12);
    packet.writeUInt16BE(1, 14);
    packet[16] = 1 << 4; // id 1, one byte
    // Speech-like when speaking: loud, with a quieter stretch every half second (the dominant-speaker
    // detection looks for speech bursts; a constant level is not speech to it).
    packet[17] = 0x80 | (level < 127 && Math.floor(seq / 25) % 4 === 3 ? 70 : level);
    socket.send(packet, transport.tuple.localPort, '127.0.0.1');
  }, 20);
  return {
    producer,
    stop: () => {
      clearInterval(timer);
      socket.close();
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const start = Date.now(); !condition();) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('audio from speakers only (real mediasoup worker)', () => {
  let t: TestApp;
  let room: MediaRoom;
  const mics: Awaited<ReturnType<typeof microphone>>[] = [];
  /** Every receiver's consumer of each participant's microphone. */
  const consumers: { receiver: string; owner: string; consumer: () => ms.Consumer | undefined }[] = [];
  const people = ['speaker-0', 'speaker-1', 'speaker-2', 'silent-3', 'silent-4', 'muted-5'];

  beforeAll(async () => {
    t = await startTestApp();
    room = await MediaRoom.create(t.app.get(WorkerPool), 'audio-forwarding');
  });
  afterAll(async () => {
    for (const m of mics) m.stop();
    room?.close();
    await t.close();
  });

  it('forwards the three who speak, pauses the silent and the muted, and forwards an unmute at once', async () => {
    const speakers: string[] = [];
    room.on('speaker', (userId) => speakers.push(userId));
    for (const [i, userId] of people.entries()) {
      const mic = await microphone(room.router, userId, 50_000 + i, userId.startsWith('speaker') ? 20 + i * 5 : 127);
      mics.push(mic);
      if (userId.startsWith('muted')) await mic.producer.pause();
      await room.adopt(userId, mic.producer);
    }
    // Everyone receives everyone else's microphone through the room (consumers start paused until the client is ready).
    for (const receiver of people) {
      const recv = await room.createTransport(receiver, 'recv');
      for (const [i, owner] of people.entries()) {
        if (owner === receiver) continue;
        const options = await room.consume(receiver, recv.id, mics[i].producer.id, room.rtpCapabilities);
        await room.resumeConsumer(receiver, options.id);
        const consumer = (room as unknown as { peers: Map<string, { consumers: Map<string, ms.Consumer> }> }).peers
          .get(receiver)
          ?.consumers.get(options.id);
        consumers.push({ receiver, owner, consumer: () => consumer });
      }
    }
    expect(consumers).toHaveLength(30);
    const forwarded = (owner: string) => consumers.filter((c) => c.owner === owner && !c.consumer()?.paused).length;
    const paused = (owner: string) => consumers.filter((c) => c.owner === owner && c.consumer()?.paused).length;

    // The silent were heard when their microphones opened; after the hold, only the three speakers are forwarded.
    await until(() => people.every((p) => (p.startsWith('speaker') ? forwarded(p) === 5 : paused(p) === 5)));
    expect(room.stats()).toMatchObject({ audioConsumers: 30, audioForwarded: 15 });
    expect([...room.audibleUserIds()].sort()).toEqual(['speaker-0', 'speaker-1', 'speaker-2']);
    // The active-speaker view still follows who speaks (the paused consumers do not hide anyone from the observer).
    await until(() => !!speakers.at(-1)?.startsWith('speaker'));
    expect(people.slice(0, 3)).toContain(speakers.at(-1));

    // The muted one unmutes: forwarded to all five without waiting for the level observer (they send silence,
    // so the observer never picks them: only the unmute can have resumed them).
    await room.setProducerPaused('muted-5', mics[5].producer.id, false);
    await until(() => forwarded('muted-5') === 5, 5_000);
    expect(room.audibleUserIds().has('muted-5')).toBe(true);
    // Silent after unmuting: paused again once the hold is over.
    await until(() => paused('muted-5') === 5, AUDIO_HOLD_MS * 10);
    // Muting a speaker stops forwarding them at once.
    await room.setProducerPaused('speaker-0', mics[0].producer.id, true);
    await until(() => paused('speaker-0') === 5, 5_000);
  });

  it('forwards every open microphone while there are no more than three, silent or not', async () => {
    const small = await MediaRoom.create(t.app.get(WorkerPool), 'audio-forwarding-small');
    const two = [await microphone(small.router, 'a', 60_000, 127), await microphone(small.router, 'b', 60_001, 127)];
    try {
      await small.adopt('a', two[0].producer);
      await small.adopt('b', two[1].producer);
      const recv = await small.createTransport('b', 'recv');
      const options = await small.consume('b', recv.id, two[0].producer.id, small.rtpCapabilities);
      await small.resumeConsumer('b', options.id);
      // Well past the hold: both are silent, yet still forwarded.
      await new Promise((r) => setTimeout(r, AUDIO_HOLD_MS * 2));
      expect(small.stats()).toMatchObject({ audioConsumers: 1, audioForwarded: 1 });
      expect([...small.audibleUserIds()].sort()).toEqual(['a', 'b']);
    } finally {
      for (const m of two) m.stop();
      small.close();
    }
  });
});
