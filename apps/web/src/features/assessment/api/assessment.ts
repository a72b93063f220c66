import type {
  AnswerRoundRequest,
  AssessmentRoundDto,
  AssessmentRoundSummary,
  AssessmentTemplateDto,
  AssessmentTemplateRequest,
  OpenRoundRequest,
  PlannedActivityDto,
  PlannedActivityRequest,
  PriorityDto,
  PriorityRequest,
} from '@echo-hub/protocol';
import { api, request } from '../../../lib/api';

const base = (programId: string) => `/programs/${encodeURIComponent(programId)}/assessment`;

export const listTemplates = (programId: string) => api<AssessmentTemplateDto[]>(`${base(programId)}/templates`);
export const listRounds = (programId: string) => api<AssessmentRoundSummary[]>(`${base(programId)}/rounds`);
export const getRound = (programId: string, roundId: string) =>
  api<AssessmentRoundDto>(`${base(programId)}/rounds/${encodeURIComponent(roundId)}`);
export const openRound = (programId: string, body: OpenRoundRequest) =>
  api<AssessmentRoundDto>(`${base(programId)}/rounds`, request('POST', body));
export const answerRound = (programId: string, roundId: string, body: AnswerRoundRequest) =>
  api<AssessmentRoundDto>(`${base(programId)}/rounds/${encodeURIComponent(roundId)}/answer`, request('PUT', body));
export const recordPriority = (programId: string, roundId: string, body: PriorityRequest) =>
  api<PriorityDto>(`${base(programId)}/rounds/${encodeURIComponent(roundId)}/priorities`, request('POST', body));
export const planActivity = (programId: string, priorityId: string, body: PlannedActivityRequest) =>
  api<PlannedActivityDto>(
    `${base(programId)}/priorities/${encodeURIComponent(priorityId)}/activities`,
    request('POST', body),
  );
export const createTemplate = (programId: string, body: AssessmentTemplateRequest) =>
  api<AssessmentTemplateDto>(`${base(programId)}/templates`, request('POST', body));
export const updateTemplate = (programId: string, templateId: string, body: AssessmentTemplateRequest) =>
  api<AssessmentTemplateDto>(`${base(programId)}/templates/${encodeURIComponent(templateId)}`, request('PUT', body));
