import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, createServer, type Server } from 'node:net';
import { performance } from 'node:perf_hooks';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../scripts/free-port';
import { type DelayRelay, startDelayRelay } from './delay-relay';

/** The relay listens on 127.0.0.2, the echo servers on the same ports of 127.0.0.1 (loopback only). */
const RELAY_IP = '127.0.0.2';
const TARGET_IP = '127.0.0.1';
const DELAY_MS = 75;

describe('the field tests’ delay relay (no netem on this kernel)', () => {
  let udpPort: number;
  let tcpPort: number;
  let echo: UdpSocket;
  let tcpEcho: Server;
  let relay: DelayRelay;
  /** The address and port each datagram reached the UDP echo server from. */
  const senders: string[] = [];
  const clients: UdpSocket[] = [];

  beforeAll(async () => {
    [udpPort, tcpPort] = [await freePort(['udp']), await freePort(['tcp'])];
    echo = createSocket('udp4').on('message', (m, from) => {
      senders.push(`${from.address}:${from.port}`);
      echo.send(m, from.port, from.address);
    });
    await new Promise<void>((resolve) => echo.bind(udpPort, TARGET_IP, resolve));
    tcpEcho = createServer((s) => s.pipe(s));
    await new Promise<void>((resolve) => tcpEcho.listen(tcpPort, TARGET_IP, resolve));
    relay = await startDelayRelay({
      listenIp: RELAY_IP,
      targetIp: TARGET_IP,
      udpPorts: [udpPort],
      tcpPorts: [tcpPort],
      delayMs: DELAY_MS,
    });
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await relay?.close();
    echo?.close();
    tcpEcho?.close();
  });

  /** A UDP client of the relay: sends `count` numbered datagrams and resolves with the numbers echoed back, in order. */
  async function udpRoundTrip(count: number): Promise<{ echoed: number[]; firstRttMs: number }> {
    const client = createSocket('udp4');
    clients.push(client);
    await new Promise<void>((resolve) => client.bind(0, TARGET_IP, resolve));
    const echoed: number[] = [];
    let firstRttMs = 0;
    const start = performance.now();
    const all = new Promise<void>((resolve) =>
      client.on('message', (m) => {
        if (!echoed.length) firstRttMs = performance.now() - start;
        echoed.push(m.readUInt32BE(0));
        if (echoed.length === count) resolve();
      }),
    );
    for (let i = 0; i < count; i++) {
      const datagram = Buffer.alloc(200);
      datagram.writeUInt32BE(i);
      client.send(datagram, udpPort, RELAY_IP);
    }
    await all;
    return { echoed, firstRttMs };
  }

  it('holds each UDP datagram in each direction, keeps their order, and sends from its own address', async () => {
    const { echoed, firstRttMs } = await udpRoundTrip(50);
    console.log(`[delay-relay] UDP echo round trip through the relay: ${firstRttMs.toFixed(1)} ms`);
    // A lower bound only: the relay adds at least its delay each way (a busy machine adds more, never less).
    expect(firstRttMs).toBeGreaterThanOrEqual(2 * DELAY_MS - 2);
    expect(echoed).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(new Set(senders)).toEqual(new Set([expect.stringMatching(/^127\.0\.0\.2:\d+$/)]));
    expect(relay.forwarded).toEqual({ up: 50, down: 50 });
  });

  it('gives each UDP client its own path to the target, and answers each on its own', async () => {
    senders.length = 0;
    const [a, b] = await Promise.all([udpRoundTrip(5), udpRoundTrip(5)]);
    expect(a.echoed).toEqual([0, 1, 2, 3, 4]);
    expect(b.echoed).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(senders).size).toBe(2);
  });

  it('holds TCP data in each direction and passes the end of the stream on', async () => {
    const socket = connect({ host: RELAY_IP, port: tcpPort });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const start = performance.now();
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (b: Buffer) => (text += b.toString()));
      socket.on('end', () => resolve(text));
    });
    const firstByte = new Promise<number>((resolve) => socket.once('data', () => resolve(performance.now() - start)));
    socket.write('hello ');
    socket.end('clinic');
    const rttMs = await firstByte;
    console.log(`[delay-relay] TCP echo round trip through the relay: ${rttMs.toFixed(1)} ms`);
    expect(rttMs).toBeGreaterThanOrEqual(2 * DELAY_MS - 2);
    expect(await answer).toBe('hello clinic');
  });
});

describe('the relay as a lossy link towards the client (downLossPercent)', () => {
  let port: number;
  let echo: UdpSocket;
  let relay: DelayRelay;
  let client: UdpSocket;

  beforeAll(async () => {
    port = await freePort(['udp']);
    echo = createSocket('udp4').on('message', (m, from) => echo.send(m, from.port, from.address));
    await new Promise<void>((resolve) => echo.bind(port, TARGET_IP, resolve));
    relay = await startDelayRelay({
      listenIp: RELAY_IP,
      targetIp: TARGET_IP,
      udpPorts: [port],
      delayMs: 0,
      downLossPercent: 30,
    });
    client = createSocket('udp4');
    await new Promise<void>((resolve) => client.bind(0, TARGET_IP, resolve));
  });

  afterAll(async () => {
    client?.close();
    await relay?.close();
    echo?.close();
  });

  it('drops about that share of RTP and RTCP towards the client, and no STUN or DTLS', async () => {
    const echoed = { media: 0, other: 0 };
    client.on('message', (m: Buffer) => (m[0] >= 128 && m[0] <= 191 ? echoed.media++ : echoed.other++));
    // RFC 7983's first bytes: STUN 0-3, DTLS 20-63, RTP and RTCP 128-191.
    const sent = { media: 0, other: 0 };
    for (let i = 0; i < 1000; i++) {
      const first = i % 20 === 0 ? 0x00 : i % 20 === 10 ? 0x16 : 0x80 + (i % 64);
      client.send(Buffer.from([first, 0, 0, 0, 0, 0, 0, 0]), port, RELAY_IP);
      if (first >= 128) sent.media++;
      else sent.other++;
      // A pause now and then, so no socket buffer on the way overflows (that would be loss of another kind).
      if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Every echo reached the relay's way back (forwarded or dropped), then the forwarded ones the client.
    while (relay.forwarded.down + relay.dropped.down < 1000 || echoed.media + echoed.other < relay.forwarded.down) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(echoed.other).toBe(sent.other);
    expect(echoed.media + relay.dropped.down).toBe(sent.media);
    // 30% of 900: 270 expected; the bounds are more than six standard deviations (about 14) away.
    expect(relay.dropped.down).toBeGreaterThan(180);
    expect(relay.dropped.down).toBeLessThan(360);
  });
});
