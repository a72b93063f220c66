/**
 * Writes docs/asyncapi.json: an AsyncAPI 3.0 document of the socket.io events (live sessions, community, polls…),
 * generated from libs/protocol's event maps `ClientToServerEvents` and `ServerToClientEvents`: every event, its
 * payload's JSON schema, and for client events the acknowledgement the server answers with. A test fails when
 * the file is not what the event maps say, and checks real payloads against it (asyncapi.integration-spec.ts).
 *
 *   npx tsx scripts/asyncapi.ts          # rewrite the file
 *   npx tsx scripts/asyncapi.ts --check  # exit 1 when it is out of date
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Definition } from 'ts-json-schema-generator';
import ts from 'typescript';
import { exportedSchemas } from './openapi-responses';

const root = join(__dirname, '..');
const protocolSrc = join(root, 'libs/protocol/src');
export const asyncApiFile = join(root, 'docs/asyncapi.json');
const TMP = join(protocolSrc, 'asyncapi-events.tmp.ts');
const MAPS = { client: 'ClientToServerEvents', server: 'ServerToClientEvents' } as const;

interface EventSignature {
  event: string;
  /** The payload's type, as written in libs/protocol. */
  payload: string;
  /** The acknowledgement's `Ack<…>` type argument (client events). */
  ack?: string;
}

/**
 * Every event of both maps (with the maps they extend), as the type checker sees them, with the types of its
 * payload and acknowledgement as written in libs/protocol (each event is `(payload, ack?: AckFn<T>) => void`).
 */
export function eventSignatures(): { client: EventSignature[]; server: EventSignature[]; exported: string[] } {
  const indexPath = join(protocolSrc, 'index.ts');
  const program = ts.createProgram([indexPath], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(indexPath)!)!);
  const signatures = (map: string) => {
    const symbol = exports.find((s) => s.name === map);
    if (!symbol) throw new Error(`libs/protocol exports no ${map}`);
    return checker
      .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))
      .map((p): EventSignature => {
        const decl = p.valueDeclaration ?? p.declarations?.[0];
        const type = decl && ts.isPropertySignature(decl) ? decl.type : undefined;
        if (!type || !ts.isFunctionTypeNode(type)) throw new Error(`${map}['${p.name}'] is not a function type`);
        const file = decl!.getSourceFile();
        const [payload, ack] = type.parameters.map((param) => param.type);
        const ackArg =
          ack && ts.isTypeReferenceNode(ack) ? (ack.typeArguments?.[0]?.getText(file) ?? 'undefined') : undefined;
        return { event: p.name, payload: payload?.getText(file) ?? 'undefined', ack: ackArg };
      })
      .sort((a, b) => (a.event < b.event ? -1 : 1));
  };
  return { client: signatures(MAPS.client), server: signatures(MAPS.server), exported: exports.map((s) => s.name) };
}

/** libs/protocol's `Ack<T>` written out, so each acknowledgement's schema is whole (no generic names). */
const ackOf = (data: string) =>
  `{ ok: true; data: ${data} } | { ok: false; error: { code: LiveErrorCode; message: string } }`;

/** A key AsyncAPI accepts for a component (`session:join` → `session.join`). */
const key = (event: string) => event.replace(/[^A-Za-z0-9._-]/g, '.');

export function generate(): object {
  const { client, server, exported } = eventSignatures();
  const alias = new Map<string, { event: string; part: 'payload' | 'ack' | 'server' }>();
  // Every export by name: the payload types are written with them (AckFn, local to each file, is unwrapped).
  const lines = [`import type { ${exported.join(', ')} } from './index';`];
  client.forEach(({ event, payload, ack }, i) => {
    alias.set(`Client_${i}`, { event, part: 'payload' });
    alias.set(`ClientAck_${i}`, { event, part: 'ack' });
    lines.push(`export type Client_${i} = ${payload};`, `export type ClientAck_${i} = ${ackOf(ack ?? 'undefined')};`);
  });
  server.forEach(({ event, payload }, i) => {
    alias.set(`Server_${i}`, { event, part: 'server' });
    lines.push(`export type Server_${i} = ${payload};`);
  });
  writeFileSync(TMP, lines.join('\n') + '\n');
  let definitions: Record<string, unknown>;
  try {
    definitions = exportedSchemas(TMP, join(root, 'libs/protocol/tsconfig.build.json')).definitions ?? {};
  } finally {
    rmSync(TMP, { force: true });
  }
  const schemas: Record<string, Definition> = {};
  const parts = new Map<string, Definition>();
  for (const [name, def] of Object.entries(definitions)) {
    const fixed = toComponents(def);
    const a = alias.get(name);
    if (a) parts.set(`${a.part}:${a.event}`, fixed);
    else schemas[key(decodeURIComponent(name))] = fixed;
  }
  const messages: Record<string, object> = {};
  const channelMessages: Record<string, object> = {};
  const operations: Record<string, object> = {};
  const message = (id: string, name: string, summary: string, payload: Definition | undefined) => {
    messages[id] = { name, summary, payload: payload ?? {} };
    channelMessages[id] = { $ref: `#/components/messages/${id}` };
    return { $ref: `#/channels/socket/messages/${id}` };
  };
  const channel = { $ref: '#/channels/socket' };
  for (const { event } of client) {
    const id = key(event);
    operations[id] = {
      action: 'receive',
      channel,
      summary: `The client emits "${event}"; the server acknowledges it`,
      messages: [message(id, event, `"${event}" from a client`, parts.get(`payload:${event}`))],
      reply: {
        channel,
        messages: [message(`${id}.ack`, `${event} (ack)`, `Acknowledgement of "${event}"`, parts.get(`ack:${event}`))],
      },
    };
  }
  for (const { event } of server) {
    const id = `${key(event)}.out`;
    operations[id] = {
      action: 'send',
      channel,
      summary: `The server emits "${event}"`,
      messages: [message(id, event, `"${event}" to clients`, parts.get(`server:${event}`))],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'ECHO Hub socket events',
      version: '1.0.0',
      description:
        'The socket.io events between the web client and the hub (live sessions, community, polls). Connect with ' +
        'socket.io to the path /socket.io, `auth: { token }` being an access token from POST /api/auth/login. A ' +
        'client event is emitted with its payload and an acknowledgement callback, answered `{ ok: true, data }` or ' +
        '`{ ok: false, error: { code, message } }`. Generated by scripts/asyncapi.ts from libs/protocol.',
    },
    defaultContentType: 'application/json',
    servers: {
      hub: { host: 'localhost:3000', protocol: 'ws', pathname: '/socket.io', description: 'the hub (socket.io)' },
    },
    channels: { socket: { address: '/socket.io', title: 'The socket.io connection', messages: channelMessages } },
    operations,
    components: { messages, schemas: sortKeys(schemas) },
  };
}

/** `#/definitions/X` refs become `#/components/schemas/X`. */
function toComponents(schema: unknown): Definition {
  return JSON.parse(JSON.stringify(schema), (k, value: unknown) =>
    k === '$ref' && typeof value === 'string'
      ? `#/components/schemas/${key(decodeURIComponent(value.replace('#/definitions/', '')))}`
      : value,
  ) as Definition;
}

const sortKeys = <T>(o: Record<string, T>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

async function main() {
  const fresh = generate();
  if (process.argv.includes('--check')) {
    if (JSON.stringify(JSON.parse(readFileSync(asyncApiFile, 'utf8'))) !== JSON.stringify(fresh)) {
      console.error(`${relative(root, asyncApiFile)} is out of date: run npx tsx scripts/asyncapi.ts`);
      process.exit(1);
    }
    console.log(`${relative(root, asyncApiFile)} is up to date`);
  } else {
    const { format, resolveConfig } = await import('prettier'); // ESM only: loaded when writing, not in the tests
    const options = await resolveConfig(asyncApiFile);
    writeFileSync(asyncApiFile, await format(JSON.stringify(fresh), { ...options, filepath: asyncApiFile }));
    console.log(`wrote ${relative(root, asyncApiFile)}`);
  }
}

if (require.main === module) void main();
