import type {
  LearningActivityDto,
  LearningActivityRequest,
  MentoringPairDto,
  MentoringPairRequest,
} from '@echo-hub/protocol';
import { api, request } from '../../../lib/api';

const base = (programId: string) => `/programs/${encodeURIComponent(programId)}`;

export const listActivities = (programId: string) =>
  api<LearningActivityDto[]>(`${base(programId)}/learning-activities`);
export const logActivity = (programId: string, body: LearningActivityRequest) =>
  api<LearningActivityDto>(`${base(programId)}/learning-activities`, request('POST', body));
export const listPairs = (programId: string) => api<MentoringPairDto[]>(`${base(programId)}/mentoring-pairs`);
export const setUpPair = (programId: string, body: MentoringPairRequest) =>
  api<MentoringPairDto>(`${base(programId)}/mentoring-pairs`, request('POST', body));
