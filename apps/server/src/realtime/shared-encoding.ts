import { randomUUID } from 'node:crypto';
import * as parser from 'socket.io-parser';

/** JSON of the objects handed to `encodeOnce`, made the first time one of them is sent. */
const encoded = new WeakMap<object, string | null>();

/**
 * Says that `value` will not change and may go out to many sockets: socket.io encodes it into JSON once, the
 * first time it is sent, and sends the same text every time after (a live room's state answers each of a join
 * storm's joins, about 50 kB for 200 people; encoding it per join was a good part of a join's CPU). The value
 * is sent as it is: clients see ordinary JSON. Never change it after this call.
 */
export function encodeOnce<T extends object>(value: T): T {
  if (!encoded.has(value)) encoded.set(value, null);
  return value;
}

const textOf = (value: object): string => {
  let text = encoded.get(value);
  if (!text) {
    text = JSON.stringify(value);
    encoded.set(value, text);
  }
  return text;
};

/** What a packet's data holds: objects given to encodeOnce (not looked inside), binary attachments. */
function scan(value: unknown, found: { encoded: boolean; binary: boolean }): void {
  if (!value || typeof value !== 'object') return;
  if (encoded.has(value)) found.encoded = true;
  else if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) found.binary = true;
  else for (const item of Object.values(value)) scan(item, found);
}

/**
 * Where an encoded object goes in the packet's JSON: a string JSON.stringify makes from no other value (it
 * escapes the NUL character, and the rest is random to this process).
 */
const NONCE = randomUUID();
const MARK = `\u0000${NONCE}:`;
const MARKED = new RegExp(String.raw`"\\u0000${NONCE}:(\d+)"`, 'g');

/**
 * socket.io's encoder, with the objects given to `encodeOnce` spliced in as the JSON they were encoded into
 * (the rest of the packet is encoded as socket.io does). Only acknowledgements are looked at (a join's answer);
 * events, and packets with binary attachments, go the usual way.
 */
export class SharedEncodingEncoder extends parser.Encoder {
  override encode(packet: parser.Packet): ReturnType<parser.Encoder['encode']> {
    const { type, data } = packet;
    const found = { encoded: false, binary: false };
    if (type === parser.PacketType.ACK) scan(data, found);
    if (!found.encoded || found.binary) return super.encode(packet);
    const texts: string[] = [];
    const json = JSON.stringify(data, (_key, value: unknown) => {
      if (!value || typeof value !== 'object' || !encoded.has(value)) return value;
      texts.push(textOf(value));
      return `${MARK}${texts.length - 1}`;
    });
    const head = `${type}${packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : ''}${packet.id ?? ''}`;
    return [head + json.replace(MARKED, (_m, i: string) => texts[Number(i)]!)];
  }
}

/** The socket.io server's parser (its Decoder is socket.io's own). */
export const sharedEncodingParser = { Encoder: SharedEncodingEncoder, Decoder: parser.Decoder };

/** The one socket.io server's options, the same for every gateway on it (Nest makes the server from the first). */
export const SOCKET_SERVER_OPTIONS = {
  path: '/socket.io',
  serveClient: false,
  cors: false,
  parser: sharedEncodingParser,
} as const;
