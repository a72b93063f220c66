/**
 * A socket.io (protocol 5) packet parser for the bench's clients, text packets only. It decodes
 * everything like the stock parser except `room:patch` events that carry neither a lock change nor a
 * chat message: those reach listeners as `null`, undecoded.
 *
 * Why: the bench runs all N participants in one process, so with the stock parser it would JSON-parse
 * every patch N times — at N = 200 a join storm delivers ~20,000 patches — and that CPU, taken from the
 * same two cores, would show up as the server's latency. A real participant parses only its own copy
 * on its own machine. The server still encodes and sends every byte (counted in BenchClient.received).
 */

interface Packet {
  type: number;
  nsp: string;
  data?: unknown;
  id?: number;
}

const EVENT = 2;

export class Encoder {
  encode(packet: Packet): string[] {
    let s = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') s += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) s += String(packet.id);
    if (packet.data !== undefined) s += JSON.stringify(packet.data);
    return [s];
  }
}

type Listener = (packet: Packet) => void;

export class Decoder {
  private listeners: Listener[] = [];

  on(_event: 'decoded', fn: Listener): this {
    this.listeners.push(fn);
    return this;
  }

  off(_event?: 'decoded', fn?: Listener): this {
    this.listeners = fn ? this.listeners.filter((l) => l !== fn) : [];
    return this;
  }

  add(chunk: unknown): void {
    if (typeof chunk !== 'string') throw new Error('the bench parser handles text packets only');
    const packet = decode(chunk);
    for (const l of [...this.listeners]) l(packet);
  }

  destroy(): void {
    this.listeners = [];
  }
}

function decode(s: string): Packet {
  const type = Number(s[0]);
  if (!(type >= 0 && type <= 4)) throw new Error(`unsupported packet type ${s[0]}`);
  let i = 1;
  let nsp = '/';
  if (s[i] === '/') {
    const end = s.indexOf(',', i);
    nsp = s.slice(i, end < 0 ? s.length : end);
    i = end < 0 ? s.length : end + 1;
  }
  let id: number | undefined;
  const start = i;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
  if (i > start) id = Number(s.slice(start, i));
  const body = s.slice(i);
  if (type === EVENT && body.startsWith('["room:patch",') && !body.includes('"locked"') && !body.includes('"chat"')) {
    return { type, nsp, id, data: ['room:patch', null] };
  }
  return { type, nsp, id, data: body ? JSON.parse(body) : undefined };
}
