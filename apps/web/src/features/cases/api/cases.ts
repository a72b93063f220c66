import type {
  CaseAttachmentDto,
  CaseDto,
  FileGateFields,
  QueuedCase,
  RecommendationDto,
  SubmitCaseRequest,
  UpdateCaseRequest,
} from '@echo-hub/protocol';
import { api, request } from '../../../lib/api';
import { fetchBlob, fetchFile, saveBlob } from '../../../lib/download';
import { gatedForm, type UploadProgress, upload } from '../../../lib/upload';

const caseUrl = (id: string) => `/cases/${encodeURIComponent(id)}`;
const sessionUrl = (id: string) => `/sessions/${encodeURIComponent(id)}`;

export interface SubmittedCase {
  id: string;
  position: number | null;
}

export const submitCase = (sessionId: string, body: SubmitCaseRequest) =>
  api<SubmittedCase>(`${sessionUrl(sessionId)}/cases`, request('POST', body));

export const getCase = (id: string) => api<CaseDto>(caseUrl(id));

export const updateCase = (id: string, body: UpdateCaseRequest) => api<CaseDto>(caseUrl(id), request('PATCH', body));

export const withdrawCase = (id: string) => api<CaseDto>(`${caseUrl(id)}/withdraw`, request('POST'));

export const reorderCases = (sessionId: string, caseIds: string[]) =>
  api<QueuedCase[]>(`${sessionUrl(sessionId)}/cases/order`, request('PATCH', { caseIds }));

/** Moves a waiting case to the end of another session's queue; answers that session's queue. */
export const moveCase = (id: string, sessionId: string) =>
  api<QueuedCase[]>(`${caseUrl(id)}/move`, request('POST', { sessionId }));

/** Urgent cases go to the front of the waiting queue; answers the session's queue. */
export const setUrgent = (id: string, urgent: boolean) =>
  api<QueuedCase[]>(`${caseUrl(id)}/urgent`, request('POST', { urgent }));

export const addRecommendation = (id: string, body: string) =>
  api<RecommendationDto>(`${caseUrl(id)}/recommendations`, request('POST', { body }));

export const postFollowUp = (id: string, body: SubmitCaseRequest & { sessionId: string }) =>
  api<SubmittedCase>(`${caseUrl(id)}/follow-ups`, request('POST', body));

/**
 * Uploads an image or PDF; `confirmIdentifiersRemoved` is the uploader's ticked confirmation,
 * `confirmedSpans` the findings in the file's text (from an earlier 422) they confirmed identify nobody,
 * and `redactions` the areas to cover (the boxes of the other findings, and areas they drew).
 */
export function uploadCaseAttachment(
  caseId: string,
  file: File,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
  fields: FileGateFields = {},
): Promise<CaseAttachmentDto> {
  const form = gatedForm(file, fields);
  form.append('confirmIdentifiersRemoved', 'true');
  return upload<CaseAttachmentDto>(`${caseUrl(caseId)}/attachments`, form, onProgress, signal);
}

const attachmentUrl = (caseId: string, id: string) => `${caseUrl(caseId)}/attachments/${encodeURIComponent(id)}`;

export const deleteCaseAttachment = (caseId: string, id: string) =>
  api<void>(attachmentUrl(caseId, id), request('DELETE'));

export const fetchCaseAttachment = (caseId: string, id: string) => fetchBlob(attachmentUrl(caseId, id));

/** Fetches the recommendations PDF with the bearer token (a plain link cannot send it) and saves it. */
export async function downloadRecommendationsPdf(id: string): Promise<void> {
  const { blob, name } = await fetchFile(`${caseUrl(id)}/recommendations.pdf`);
  saveBlob(blob, name ?? `recommendations-${id.slice(0, 8)}.pdf`);
}
