import type { PollAnswerRequest, PollQuestion, PollResults, PollView } from '@echo-hub/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveRoomClient, RoomStatus } from '../lib/LiveRoomClient';
import { pollAnnouncement, upsertPoll } from '../../polls';

export interface PollsState {
  polls: PollView[];
  /** Hosts: the results of polls they closed, before they are shared (only the host's acknowledgement has them). */
  ownResults: Record<string, PollResults>;
  /** Polls you answered in this visit. */
  answered: Set<string>;
  /** The last change said to screen readers. */
  announcement: string;
  ask: (question: PollQuestion) => Promise<void>;
  launch: (pollId: string) => Promise<void>;
  answer: (request: PollAnswerRequest) => Promise<void>;
  close: (pollId: string) => Promise<void>;
  share: (pollId: string) => Promise<void>;
}

/**
 * The session's polls over the room's connection: the list is read on every (re)join, then kept current by
 * `poll:update` (launched, answered, closed, shared). Requests throw with the hub's message for the form.
 */
export function usePolls(room: LiveRoomClient, status: RoomStatus | undefined): PollsState {
  const [polls, setPolls] = useState<PollView[]>([]);
  const [ownResults, setOwnResults] = useState<Record<string, PollResults>>({});
  const [answered, setAnswered] = useState<Set<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  const known = useRef(new Map<string, PollView>());

  const receive = useCallback((view: PollView) => {
    const said = pollAnnouncement(known.current.get(view.id), view);
    known.current.set(view.id, view);
    setPolls((list) => upsertPoll(list, view));
    if (said) setAnnouncement(said);
  }, []);

  useEffect(() => room.signalling.on('poll:update', receive), [room, receive]);

  const joined = status === 'joined';
  useEffect(() => {
    if (!joined) return;
    let live = true;
    room.signalling.request('poll:list', {}).then(
      (list) => {
        if (!live) return;
        known.current = new Map(list.map((p) => [p.id, p]));
        setPolls(list);
      },
      () => undefined, // the next join reads it again
    );
    return () => {
      live = false;
    };
  }, [room, joined]);

  return useMemo(() => {
    const conn = room.signalling;
    return {
      polls,
      ownResults,
      answered,
      announcement,
      ask: async (question) => receive(await conn.request('poll:ask', question)),
      launch: async (pollId) => receive(await conn.request('poll:launch', { pollId })),
      answer: async (request) => {
        await conn.request('poll:answer', request);
        setAnswered((s) => new Set(s).add(request.pollId));
      },
      close: async (pollId) => {
        const view = await conn.request('poll:close', { pollId });
        if (view.results) setOwnResults((r) => ({ ...r, [pollId]: view.results as PollResults }));
        receive({ ...view, results: view.shared ? view.results : null });
      },
      share: async (pollId) => receive(await conn.request('poll:share', { pollId })),
    };
  }, [room, polls, ownResults, answered, announcement, receive]);
}
