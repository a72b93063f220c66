import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MediaPreferences } from '../lib/LiveMediaClient';
import { LiveRoomClient, type LiveSnapshot } from '../lib/LiveRoomClient';
import { attachTestHook } from '../lib/testHook';

const noSubscribe = () => () => undefined;
const noSnapshot = () => null;

/** Joins a live session for as long as the component is mounted; the room's snapshot re-renders it. */
export function useLiveRoom(
  sessionId: string,
  prefs: MediaPreferences,
): { room: LiveRoomClient | null; snapshot: LiveSnapshot | null } {
  const [room, setRoom] = useState<LiveRoomClient | null>(null);
  useEffect(() => {
    const client = new LiveRoomClient(sessionId, prefs);
    const detach = attachTestHook(client);
    setRoom(client);
    client.start();
    return () => {
      detach();
      client.dispose();
    };
  }, [sessionId, prefs]);
  const snapshot = useSyncExternalStore(room?.subscribe ?? noSubscribe, room?.getSnapshot ?? noSnapshot);
  return { room, snapshot };
}
