import type {
  AgendaItemDto,
  AgendaItemInput,
  CreateSessionRequest,
  CreateSessionResponse,
  SessionDto,
  UpdateSessionRequest,
} from '@echo-hub/protocol';
import { api, apiAll, request } from '../../../lib/api';
import { type UploadProgress, upload } from '../../../lib/upload';

const session = (id: string) => `/sessions/${encodeURIComponent(id)}`;

/** A program's sessions starting in [from, to), ordered by start (every page of them). */
export const listSessions = (programId: string, from: Date, to: Date) =>
  apiAll<SessionDto>(
    `/programs/${encodeURIComponent(programId)}/sessions?${new URLSearchParams({
      from: from.toISOString(),
      to: to.toISOString(),
      limit: '200',
    })}`,
  );

export const createSession = (programId: string, body: CreateSessionRequest) =>
  api<CreateSessionResponse>(`/programs/${encodeURIComponent(programId)}/sessions`, request('POST', body));

export const getSession = (id: string) => api<SessionDto>(session(id));

export const updateSession = (id: string, body: UpdateSessionRequest) =>
  api<SessionDto>(session(id), request('PATCH', body));

export const replaceAgenda = (id: string, items: AgendaItemInput[]) =>
  api<SessionDto>(`${session(id)}/agenda`, request('PUT', { items }));

export const uploadSlides = (
  id: string,
  itemId: string,
  file: File,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
) => {
  const body = new FormData();
  body.append('file', file);
  return upload<AgendaItemDto>(`${session(id)}/agenda/${encodeURIComponent(itemId)}/slides`, body, onProgress, signal);
};
