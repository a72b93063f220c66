import { applyPatch, type ChatMessage, type LiveParticipant, type RoomPatch, type RoomState } from '@echo-hub/protocol';
import { RoomStateStore } from './room-state';

const person = (userId: string): LiveParticipant => ({
  userId,
  displayName: userId,
  role: 'participant',
  siteId: null,
  siteName: null,
  participationType: 'staff',
  online: true,
  producers: [],
  present: null,
});
const chat = (id: string): ChatMessage => ({ id, userId: 'a', displayName: 'A', text: id, at: '2026-01-01T00:00:00Z' });

describe('RoomStateStore', () => {
  it('gives every change the next version and skips no-op changes', () => {
    const sut = new RoomStateStore('s1');
    expect(sut.change({ open: true })?.version).toBe(1);
    expect(sut.change({ open: true })).toBeNull();
    expect(sut.change({ locked: true, open: true })).toEqual({ version: 2, set: { locked: true } });
    expect(sut.current.version).toBe(2);
  });

  it('a client replaying the patches it missed reaches the same state as the server', () => {
    const sut = new RoomStateStore('s1');
    sut.upsertParticipant(person('a'));
    const clientAt = structuredClone(sut.current);
    sut.change({ phase: 'didactic', timer: { slot: 0, startedAt: '2026-01-01T12:30:00Z', seconds: 1200 } });
    sut.change({}, chat('hello'));
    sut.updateParticipant('a', { online: false });
    sut.change({ hands: [{ userId: 'a', displayName: 'a', at: 'x' }] });
    const missed = sut.since(clientAt.version);
    expect(missed?.map((p) => p.version)).toEqual([2, 3, 4, 5]);
    const replayed = (missed ?? []).reduce(applyPatch, clientAt);
    expect(replayed).toEqual(sut.current);
  });

  it('sends a full snapshot to a client too far behind or claiming a future version', () => {
    const sut = new RoomStateStore('s1');
    for (let i = 0; i < 600; i++) sut.change({}, chat(String(i)));
    expect(sut.since(10)).toBeNull();
    expect(sut.since(599)?.map((p) => p.version)).toEqual([600]);
    expect(sut.since(600)).toEqual([]);
    expect(sut.since(601)).toBeNull();
  });

  it('sends one participant per join, update and leave, whatever the size of the room', () => {
    const sut = new RoomStateStore('s1');
    const bytes = (patch: RoomPatch | null) => JSON.stringify(patch).length;
    const joins = Array.from({ length: 200 }, (_, i) => bytes(sut.upsertParticipant(person(`user-${1000 + i}`))));
    // The 200th join is the 2nd join's size (only its version has more digits).
    expect(joins[199] - joins[1]).toBeLessThanOrEqual(2);
    const producers = [{ id: 'p1', source: 'mic' as const, paused: false }];
    expect(sut.updateParticipant('user-1100', { producers })).toEqual({
      version: 201,
      participants: { upsert: [{ ...person('user-1100'), producers }] },
    });
    expect(sut.updateParticipant('user-1100', { producers })).toBeNull();
    expect(sut.removeParticipant('user-1100', { hands: [] })).toEqual({
      version: 202,
      participants: { remove: ['user-1100'] },
    });
    expect(sut.removeParticipant('user-1100')).toBeNull();
    expect(sut.current.participants).toHaveLength(199);
  });

  it('a client replaying from any version, after random joins, updates, leaves and other changes, has the server state', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const random = lcg(seed);
      const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
      const sut = new RoomStateStore('s1');
      /** The participants as the test expects them (a plain list, changed naively). */
      let expected: LiveParticipant[] = [];
      const put = (p: LiveParticipant) => {
        const i = expected.findIndex((x) => x.userId === p.userId);
        expected = i < 0 ? [...expected, p] : expected.map((x) => (x.userId === p.userId ? p : x));
      };
      const snapshots: RoomState[] = [structuredClone(sut.current)];
      for (let step = 0; step < 200; step++) {
        const known = expected.map((p) => p.userId);
        const someone = known.length ? pick(known) : 'u0';
        const ops: (() => RoomPatch | null)[] = [
          () => {
            const p = { ...person(`u${Math.floor(random() * 30)}`), present: pick([null, true]) };
            put(p);
            return sut.upsertParticipant(p);
          },
          () => {
            const update = pick<Partial<LiveParticipant>>([
              { online: false, producers: [] },
              { online: true },
              { producers: [{ id: `p${step}`, source: pick(['mic', 'camera', 'screen'] as const), paused: false }] },
              { present: random() < 0.5 },
            ]);
            const p = expected.find((x) => x.userId === someone);
            if (p) put({ ...p, ...update });
            return sut.updateParticipant(someone, update);
          },
          () => {
            const hands = sut.current.hands.filter((h) => h.userId !== someone);
            expected = expected.filter((p) => p.userId !== someone);
            return sut.removeParticipant(someone, { hands });
          },
          () => {
            expected = expected.map((p) => ({ ...p, producers: [] }));
            return sut.updateEveryParticipant({ producers: [] }, { videoUserIds: [], activeSpeakerId: null });
          },
          () => sut.change({ hands: [...sut.current.hands, { userId: someone, displayName: someone, at: 'x' }] }),
          () => sut.change({ videoUserIds: known.slice(0, 3), activeSpeakerId: someone }),
          () => sut.change({ phase: pick(['introductions', 'didactic', 'cases'] as const), locked: random() < 0.5 }),
          () => sut.change({}, chat(`m${step}`)),
        ];
        const before = sut.current.version;
        const patch = pick(ops)();
        expect(sut.current.version).toBe(patch ? before + 1 : before);
        expect(sut.current.participants).toEqual(expected);
        // What a connected client does with each patch as it arrives (after the trip through JSON).
        if (patch) expect(applyPatch(snapshots[before], JSON.parse(JSON.stringify(patch)))).toEqual(sut.current);
        if (patch) snapshots.push(structuredClone(sut.current));
      }
      // What a client that reconnects at any version gets, and ends up with.
      for (const from of snapshots) {
        const missed = sut.since(from.version);
        expect(missed?.map((p) => p.version)).toEqual(
          Array.from({ length: sut.current.version - from.version }, (_, i) => from.version + i + 1),
        );
        expect((missed ?? []).reduce(applyPatch, from)).toEqual(sut.current);
      }
    }
  });
});

/** A small seeded pseudo-random generator, so a failing sequence can be run again. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1664525 + 1013904223) % 2 ** 32;
    return x / 2 ** 32;
  };
}
