import type { Ack } from '@echo-hub/protocol';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { asyncApiFile, eventSignatures, generate } from '../../../scripts/asyncapi';
import { TestLiveClient } from './live-client';
import { liveScene } from './live-scene';

interface Message {
  name: string;
  payload: object;
}
interface Doc {
  asyncapi: string;
  channels: { socket: { messages: Record<string, { $ref: string }> } };
  operations: Record<
    string,
    { action: string; messages: { $ref: string }[]; reply?: { messages: { $ref: string }[] } }
  >;
  components: { messages: Record<string, Message>; schemas: Record<string, object> };
}

/**
 * docs/asyncapi.json (written by scripts/asyncapi.ts from libs/protocol's event maps) says what the socket events
 * carry: it must be current, name every event, and describe what a real live session sends and answers.
 */
describe('the AsyncAPI document of the socket events', () => {
  const doc = JSON.parse(readFileSync(asyncApiFile, 'utf8')) as Doc;
  const byName = new Map(Object.values(doc.components.messages).map((m) => [m.name, m]));

  it('is what the event maps say (regenerate it with npx tsx scripts/asyncapi.ts when they change)', () => {
    expect(generate()).toEqual(doc);
  });

  it('names every event of ClientToServerEvents (with its acknowledgement) and ServerToClientEvents', () => {
    const { client, server } = eventSignatures();
    expect(client.length).toBeGreaterThan(30);
    const missing = [
      ...client.flatMap(({ event }) => [event, `${event} (ack)`]),
      ...server.map(({ event }) => event),
    ].filter((name) => !byName.has(name));
    expect(missing).toEqual([]);
    expect(doc.asyncapi).toBe('3.0.0');
    // Every reference points at something in the document.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]);
    const unresolved = refs.filter(
      (ref) => ref.split('/').reduce<unknown>((o, k) => (o as never)?.[k], doc) === undefined,
    );
    expect(unresolved).toEqual([]);
  });

  describe('against a live session', () => {
    const scene = liveScene('AsyncAPI ECHO');
    const sent: { event: string; payload: unknown; ack: Ack<unknown> }[] = [];
    const original = TestLiveClient.prototype.request;
    beforeAll(async () => {
      // Every request of the scene's clients, with the acknowledgement it got.
      TestLiveClient.prototype.request = async function (this: TestLiveClient, event, payload) {
        const ack = await original.call(this, event, payload);
        sent.push({ event, payload, ack });
        return ack;
      };
      await scene.start();
    });
    afterAll(async () => {
      TestLiveClient.prototype.request = original;
      scene.closeClients();
      await scene.close();
    });

    it('describes the payloads and acknowledgements of a real session', async () => {
      const { host, spoke1, spoke2, all } = await scene.liveSession();
      await spoke1.ok('hand:raise');
      await host.ok('hand:lower', { userId: scene.people.spoke1.id });
      await spoke1.ok('chat:send', { text: 'What dose did you start at?' });
      await spoke2.request('chat:send', {}); // refused: an error acknowledgement
      await spoke2.ok('reaction:send', { emoji: '👍' });
      await host.ok('host:phase', { phase: 'introductions' });
      await host.ok('host:spotlight', { userId: scene.people.spoke2.id });
      await host.ok('host:lock', { locked: true });
      await host.ok('host:lock', { locked: false });
      await host.ok('host:quality', {});
      const removed = spoke2.waitFor('session:kicked');
      await host.ok('host:remove', { userId: scene.people.spoke2.id });
      await removed;
      const ended = spoke1.waitFor('session:kicked');
      await host.ok('host:end', {});
      await ended;

      const ajv = new Ajv({ strict: false, allErrors: true });
      const check = (name: string, payload: unknown) => {
        const message = byName.get(name);
        if (!message) return `${name}: not in the document`;
        const validate = ajv.compile({ ...message.payload, components: doc.components });
        // JSON on the wire: what the client receives has no undefined fields.
        return validate(JSON.parse(JSON.stringify(payload ?? null)))
          ? null
          : `${name}: ${ajv.errorsText(validate.errors)}`;
      };
      const received = all.flatMap((c) => c.events);
      const problems = [
        // A payload the server refused (on purpose here) need not match; its error acknowledgement must.
        ...sent.flatMap(({ event, payload, ack }) => [
          ack.ok ? check(event, payload) : null,
          check(`${event} (ack)`, ack),
        ]),
        ...received.map(({ event, payload }) => check(event, payload)),
      ].filter(Boolean);
      expect(problems).toEqual([]);
      // What the session went through, so a broken capture cannot pass with nothing checked.
      expect(new Set(sent.map((s) => s.event))).toEqual(
        new Set([
          'session:join',
          'host:open',
          'hand:raise',
          'hand:lower',
          'chat:send',
          'reaction:send',
          'host:phase',
          'host:spotlight',
          'host:lock',
          'host:quality',
          'host:remove',
          'host:end',
        ]),
      );
      expect(received.map((r) => r.event)).toEqual(
        expect.arrayContaining(['room:patch', 'reaction', 'session:kicked']),
      );
      expect(sent.some((s) => !s.ack.ok)).toBe(true);
    });
  });
});
