import { applyPatch, type ChatMessage, type LiveParticipant } from '@echo-hub/protocol';
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
});
