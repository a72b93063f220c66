import { type ChatMessage, patchBase, type RoomPatch } from '@echo-hub/protocol';
import { LiveError } from './live.errors';
import { liveParts, sessionWith } from './live.fixtures';

const message = (id: string): ChatMessage => ({ id, userId: 'u', displayName: 'U', text: id, at: 'x' });

describe('LiveRoom.change: one fan-out per batch', () => {
  it('sends the changes made in one turn as one patch to everyone, in order; a second chat message needs a second', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const sent = () => parts.realtime.of('room:patch') as RoomPatch[];
    const before = sent().length;
    const { version } = await s.state();
    const [a, b] = s.spokes;
    const results = await Promise.all([
      s.room.change({ set: { locked: true } }),
      s.room.change(({ state }) => ({
        set: { hands: [...state.hands, { userId: a.user.id, displayName: 'A', at: 'x' }] },
      })),
      s.room.change(({ state }) => ({
        set: { hands: [...state.hands, { userId: b.user.id, displayName: 'B', at: 'y' }] },
      })),
      s.room.change({ chat: message('first') }),
      s.room.change({ chat: message('second') }),
      s.room.change({ set: { locked: true } }), // nothing clients would see
    ]);
    const patches = sent().slice(before);
    expect(patches).toEqual([
      {
        from: version,
        version: version + 4,
        set: {
          locked: true,
          hands: [
            { userId: a.user.id, displayName: 'A', at: 'x' },
            { userId: b.user.id, displayName: 'B', at: 'y' },
          ],
        },
        chat: message('first'),
      },
      { version: version + 5, chat: message('second') },
    ]);
    // Each change has its own version still, as a client reconnecting gets them.
    expect(results.map((p) => p?.version ?? null)).toEqual([1, 2, 3, 4, 5, null].map((i) => i && version + i));
    expect((await s.room.since(version))?.map((p) => p.version)).toEqual([1, 2, 3, 4, 5].map((i) => version + i));
    expect((await s.state()).version).toBe(version + 5);
  });

  it('a change that fails is refused alone: the others in its batch go through', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const refused = s.room.change(() => {
      throw new LiveError('INVALID_PAYLOAD', 'no');
    });
    const locked = s.room.change({ set: { locked: true } });
    await expect(refused).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(locked).resolves.toMatchObject({ set: { locked: true } });
  });

  it('changes made while a batch is being stored go in the next one, and are sent after it', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const before = (parts.realtime.of('room:patch') as RoomPatch[]).length;
    // Each change made once the previous one is sent: a chain of batches, never two at once.
    const chain = async (n: number) => {
      for (let i = 0; i < n; i++) await s.room.change({ chat: message(`chain ${i}`) });
    };
    await Promise.all([chain(5), chain(5), s.room.change({ set: { locked: true } })]);
    const patches = (parts.realtime.of('room:patch') as RoomPatch[]).slice(before);
    // Each patch goes on from where the previous one left off.
    for (let i = 1; i < patches.length; i++) expect(patchBase(patches[i])).toBe(patches[i - 1].version);
    expect(patches.filter((p) => p.chat)).toHaveLength(10);
    expect(patches.filter((p) => p.set?.locked)).toHaveLength(1);
  });
});

describe('LiveRoom.ensureMedia: a router when a worker fails', () => {
  /** The room's router fails `times` times from now on (its media closed first, so the next call builds anew). */
  const failing = (parts: ReturnType<typeof liveParts>, room: { media: { close(): void } | null }, times: number) => {
    room.media?.close();
    const create = parts.pool.createRouter;
    let failures = 0;
    parts.pool.createRouter = async () => {
      if (failures++ < times) throw new Error('worker died');
      return create();
    };
    return () => failures;
  };

  it('a worker that died under the call: the next try gets a router at once, without waiting for a replacement', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const tries = failing(parts, s.room, 1);
    await expect(s.room.ensureMedia()).resolves.toBeDefined();
    expect(tries()).toBe(2);
  });

  it('every worker down: it waits for the pool to replace one', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    failing(parts, s.room, 1);
    parts.pool.size = 0;
    let settled = false;
    const media = s.room.ensureMedia().finally(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    parts.pool.size = 1;
    parts.pool.events.emit('replaced', {});
    await expect(media).resolves.toBeDefined();
  });

  it('a router that cannot be made with live workers fails the call instead of waiting', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const tries = failing(parts, s.room, Infinity);
    await expect(s.room.ensureMedia()).rejects.toThrow('worker died');
    expect(tries()).toBe(3);
    expect(parts.pool.events.listenerCount('replaced')).toBe(0);
  });
});
