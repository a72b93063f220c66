/**
 * A spoke without a browser: a UDP socket on 127.0.0.1 that a PlainTransport sends to. It parses
 * each RTP header and counts packets, bytes and sequence-number gaps per SSRC (RFC 3550: expected
 * = extended highest sequence − first + 1; lost = expected − received). RTCP (mux'ed) is skipped.
 */
import { createSocket, type Socket } from 'node:dgram';

class StreamCounter {
  packets = 0;
  bytes = 0;
  gaps = 0;
  private base = -1;
  private highest = -1;

  constructor(readonly payloadType: number) {}

  add(seq: number, bytes: number): void {
    this.packets++;
    this.bytes += bytes;
    if (this.base < 0) {
      this.base = seq;
      this.highest = seq;
      return;
    }
    const delta = (seq - (this.highest & 0xffff) + 0x10000) & 0xffff;
    if (delta === 0 || delta >= 0x8000) return; // duplicate or late (reordered) packet
    if (delta > 1) this.gaps++;
    this.highest += delta;
  }

  get expected(): number {
    return this.base < 0 ? 0 : this.highest - this.base + 1;
  }
}

export interface ReceiverCounts {
  packets: number;
  bytes: number;
  expected: number;
  gaps: number;
  /** Per payload type (audio and video consumers get different ones). */
  byPayloadType: Map<number, { packets: number; bytes: number; expected: number }>;
}

export class RtpReceiver {
  private readonly streams = new Map<number, StreamCounter>();
  rtcpPackets = 0;

  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', (buf) => this.onPacket(buf));
  }

  static open(): Promise<RtpReceiver> {
    return new Promise((resolve, reject) => {
      const socket = createSocket({ type: 'udp4', recvBufferSize: 2 * 1024 * 1024 });
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => resolve(new RtpReceiver(socket, socket.address().port)));
    });
  }

  counts(): ReceiverCounts {
    const c: ReceiverCounts = { packets: 0, bytes: 0, expected: 0, gaps: 0, byPayloadType: new Map() };
    for (const s of this.streams.values()) {
      c.packets += s.packets;
      c.bytes += s.bytes;
      c.expected += s.expected;
      c.gaps += s.gaps;
      const pt = c.byPayloadType.get(s.payloadType) ?? { packets: 0, bytes: 0, expected: 0 };
      pt.packets += s.packets;
      pt.bytes += s.bytes;
      pt.expected += s.expected;
      c.byPayloadType.set(s.payloadType, pt);
    }
    return c;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private onPacket(buf: Buffer): void {
    if (buf.length < 12 || buf[0] >> 6 !== 2) return;
    if (buf[1] >= 192 && buf[1] <= 223) {
      this.rtcpPackets++;
      return;
    }
    const ssrc = buf.readUInt32BE(8);
    let stream = this.streams.get(ssrc);
    if (!stream) {
      stream = new StreamCounter(buf[1] & 0x7f);
      this.streams.set(ssrc, stream);
    }
    stream.add(buf.readUInt16BE(2), buf.length);
  }
}

/** Sums the counts of many receivers. */
export function sumCounts(receivers: RtpReceiver[]): ReceiverCounts {
  const total: ReceiverCounts = { packets: 0, bytes: 0, expected: 0, gaps: 0, byPayloadType: new Map() };
  for (const r of receivers) {
    const c = r.counts();
    total.packets += c.packets;
    total.bytes += c.bytes;
    total.expected += c.expected;
    total.gaps += c.gaps;
    for (const [pt, v] of c.byPayloadType) {
      const t = total.byPayloadType.get(pt) ?? { packets: 0, bytes: 0, expected: 0 };
      t.packets += v.packets;
      t.bytes += v.bytes;
      t.expected += v.expected;
      total.byPayloadType.set(pt, t);
    }
  }
  return total;
}
