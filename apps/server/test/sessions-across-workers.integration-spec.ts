import { createSocket, type Socket } from 'node:dgram';
import { MediaRoom } from '../src/media/media-room';
import { WorkerPool } from '../src/media/worker-pool';
import { rtpSources } from './rtp-sources';
import { startTestApp, type TestApp } from './test-app';

/** Counts the RTP packets a UDP socket on 127.0.0.1 receives. */
async function rtpCounter(): Promise<{ socket: Socket; port: number; packets: () => number }> {
  const socket = createSocket('udp4');
  let packets = 0;
  socket.on('message', (buf) => {
    if (buf.length >= 12 && buf[0] >> 6 === 2 && !(buf[1] >= 192 && buf[1] <= 223)) packets++;
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return { socket, port: socket.address().port, packets: () => packets };
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const start = Date.now(); !condition();) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a session across workers (real mediasoup, 2 workers)', () => {
  let t: TestApp;
  let pool: WorkerPool;
  beforeAll(async () => {
    t = await startTestApp({ MEDIASOUP_WORKERS: '2' });
    pool = t.app.get(WorkerPool);
  });
  afterAll(() => t.close());

  it('spreads receiving transports of a large session over both workers, and consumers on the second receive media', async () => {
    const room = await MediaRoom.create(pool, 'spread', 0);
    const sources = await rtpSources(room.router, { userId: 'presenter' });
    const counter = await rtpCounter();
    try {
      await room.adopt('presenter', sources.video);
      await room.adopt('presenter', sources.audio);
      const a = await room.createTransport('viewer-a', 'recv');
      const b = await room.createTransport('viewer-b', 'recv');
      // The first goes to the home router, the second to the router on the other worker.
      expect(room.spread.routerOf(a.id)).toBe(room.router);
      const far = room.spread.routerOf(b.id);
      expect(pool.workerOf(far)).toBeDefined();
      expect(pool.workerOf(far)).not.toBe(pool.workerOf(room.router));

      // Consuming through the room pipes the producers into the far router…
      const caps = room.rtpCapabilities;
      const consumer = await room.consume('viewer-b', b.id, sources.video.id, caps);
      expect(consumer.producerId).toBe(sources.video.id);

      // …where a consumer on the second worker receives the presenter's packets.
      const plain = await far.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
      await plain.connect({ ip: '127.0.0.1', port: counter.port });
      const onSecond = await plain.consume({ producerId: sources.video.id, rtpCapabilities: caps });
      await until(() => counter.packets() > 20);
      expect(counter.packets()).toBeGreaterThan(20);

      // The presenter's producer closing closes what consumed it on the other worker.
      const closed = new Promise<void>((r) => onSecond.once('producerclose', () => r()));
      sources.video.close();
      await closed;
    } finally {
      sources.stop();
      counter.socket.close();
      room.close();
    }
  });

  it('keeps a small session on its home router and closes its other routers with it', async () => {
    const room = await MediaRoom.create(pool, 'small');
    try {
      const a = await room.createTransport('viewer-a', 'recv');
      expect(room.spread.routerOf(a.id)).toBe(room.router);
    } finally {
      room.close();
    }
    const big = await MediaRoom.create(pool, 'big', 0);
    await big.createTransport('viewer-a', 'recv');
    const b = await big.createTransport('viewer-b', 'recv');
    const other = big.spread.routerOf(b.id);
    expect(other).not.toBe(big.router);
    big.close();
    await until(() => other.closed, 10_000);
    expect(other.closed).toBe(true);
  });
});
