import type { PendingSurveyDto, SubmitSurveyRequest, SurveyDto } from '@echo-hub/protocol';
import { api, request } from '../../../lib/api';

export const listPendingSurveys = () => api<PendingSurveyDto[]>('/me/surveys');

export const getMySurvey = (id: string) => api<SurveyDto>(`/me/surveys/${encodeURIComponent(id)}`);

export const answerSurvey = (id: string, body: SubmitSurveyRequest) =>
  api<{ answered: true }>(`/me/surveys/${encodeURIComponent(id)}/answers`, request('POST', body));

/** Said when the pending surveys change (one was answered), so the notice reloads. */
export const SURVEYS_CHANGED = 'echo-hub:surveys-changed';
