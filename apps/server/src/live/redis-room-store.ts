import type { ChatMessage, RoomPatch } from '@echo-hub/protocol';
import type { Redis } from 'ioredis';
import { applyChanges, type ChangeOf, newSharedRoom, type SharedRoom } from './room-state';
import { type AppliedBatch, applyOne, PATCH_LOG, type RoomStore, patchesSince } from './room-store';

/** Opens a room unless it exists: KEYS room, rooms; ARGV room JSON, session id. Returns the room JSON. */
const OPEN = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'room', ARGV[1], 'rev', 0)
  redis.call('SADD', KEYS[2], ARGV[2])
end
return redis.call('HGET', KEYS[1], 'room')`;

/**
 * Writes the next room if nobody wrote since it was read (compare-and-set on `rev`): KEYS room, log;
 * ARGV rev read, next room JSON, patches kept, then the patches' JSON (none or more). 1 written, 0 changed
 * meanwhile, -1 gone.
 */
const WRITE = `
local rev = redis.call('HGET', KEYS[1], 'rev')
if not rev then return -1 end
if rev ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'room', ARGV[2], 'rev', tonumber(rev) + 1)
if #ARGV > 3 then
  for i = 4, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
end
return 1`;

/**
 * Live rooms in Redis (REDIS_URL), shared by every instance: a hash per room (`room`: the SharedRoom as JSON,
 * `rev`: bumped by every write) and a list of its last patches. A change is computed here from the room as read
 * and written by a Lua compare-and-set on `rev`; when another instance wrote meanwhile the change is computed
 * again from the new room (optimistic, like WATCH/MULTI, but on the one shared connection). Keys carry the
 * session id in braces, so a room's keys stay on one Redis Cluster slot.
 */
export class RedisRoomStore implements RoomStore {
  constructor(private readonly redis: Redis) {}

  async open(sessionId: string, chat: ChatMessage[]): Promise<SharedRoom> {
    const json = JSON.stringify(newSharedRoom(sessionId, chat));
    const room = (await this.redis.eval(OPEN, 2, roomKey(sessionId), ROOMS, json, sessionId)) as string;
    return JSON.parse(room) as SharedRoom;
  }

  async load(sessionId: string): Promise<SharedRoom | null> {
    const room = await this.redis.hget(roomKey(sessionId), 'room');
    return room === null ? null : (JSON.parse(room) as SharedRoom);
  }

  apply(sessionId: string, change: ChangeOf): Promise<RoomPatch | null> {
    return applyOne(this, sessionId, change);
  }

  async applyBatch(sessionId: string, changes: ChangeOf[]): Promise<AppliedBatch> {
    const none = { patches: [], outcomes: changes.map(() => ({ patch: null })) };
    for (;;) {
      const [json, rev] = await this.redis.hmget(roomKey(sessionId), 'room', 'rev');
      if (json === null || rev === null) return none;
      const { room, patches, outcomes } = applyChanges(JSON.parse(json) as SharedRoom, changes);
      const next = JSON.stringify(room);
      if (patches.length === 0 && next === json) return { patches, outcomes };
      const args = [rev, next, PATCH_LOG, ...patches.map((p) => JSON.stringify(p))];
      const written = await this.redis.eval(WRITE, 2, roomKey(sessionId), logKey(sessionId), ...args);
      if (written === 1) return { patches, outcomes };
      if (written === -1) return none;
    }
  }

  async since(sessionId: string, version: number): Promise<RoomPatch[] | null> {
    const [room, log] = (await this.redis
      .multi()
      .hget(roomKey(sessionId), 'room')
      .lrange(logKey(sessionId), 0, -1)
      .exec()) as [[Error | null, string | null], [Error | null, string[]]];
    if (room[1] === null) return null;
    const current = (JSON.parse(room[1]) as SharedRoom).state.version;
    return patchesSince(
      log[1].map((p) => JSON.parse(p) as RoomPatch),
      current,
      version,
    );
  }

  async delete(sessionId: string): Promise<void> {
    await this.redis.multi().del(roomKey(sessionId), logKey(sessionId)).srem(ROOMS, sessionId).exec();
  }

  async list(): Promise<string[]> {
    return this.redis.smembers(ROOMS);
  }
}

const ROOMS = 'live:rooms';
const roomKey = (sessionId: string) => `live:{${sessionId}}:room`;
const logKey = (sessionId: string) => `live:{${sessionId}}:log`;
