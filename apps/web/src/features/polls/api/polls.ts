import type { PollQuestion, PreparedPoll } from '@echo-hub/protocol';
import { api, request } from '../../../lib/api';

const polls = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}/polls`;

/** The session's polls (drafts and those asked), for hosts and experts. */
export const listPreparedPolls = (sessionId: string) => api<PreparedPoll[]>(polls(sessionId));

export const preparePoll = (sessionId: string, question: PollQuestion) =>
  api<PreparedPoll>(polls(sessionId), request('POST', question));

export const replacePreparedPoll = (sessionId: string, pollId: string, question: PollQuestion) =>
  api<PreparedPoll>(`${polls(sessionId)}/${encodeURIComponent(pollId)}`, request('PUT', question));

export const deletePreparedPoll = (sessionId: string, pollId: string) =>
  api<void>(`${polls(sessionId)}/${encodeURIComponent(pollId)}`, request('DELETE'));
