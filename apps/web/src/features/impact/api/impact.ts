import type {
  AttendanceCorrectionDto,
  AttendanceRecord,
  CorrectAttendanceRequest,
  CreateSurveyRequest,
  ImpactFilters,
  ImpactReport,
  ProgramDto,
  RegistrationFunnel,
  SurveyResultsDto,
  SurveySummaryDto,
  UpdateProgramRequest,
} from '@echo-hub/protocol';
import { api, apiAll, request } from '../../../lib/api';
import { fetchFile, saveBlob } from '../../../lib/download';

const program = (id: string) => `/programs/${encodeURIComponent(id)}`;

/** The filters as a query string (only those set). */
export function filterQuery(filters: ImpactFilters): string {
  const q = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  return q.size ? `?${q}` : '';
}

export const getImpact = (id: string, filters: ImpactFilters) =>
  api<ImpactReport>(`${program(id)}/impact${filterQuery(filters)}`);

/** Saves attendance.csv (one row per person per session) with the same filters. */
export async function downloadAttendanceCsv(id: string, filters: ImpactFilters): Promise<void> {
  const { blob, name } = await fetchFile(`${program(id)}/attendance.csv${filterQuery(filters)}`);
  saveBlob(blob, name ?? 'attendance.csv');
}

/** Everyone's attendance, page after page: the corrections form picks among them. */
export const getSessionAttendance = (sessionId: string) =>
  apiAll<AttendanceRecord>(`/sessions/${encodeURIComponent(sessionId)}/attendance?limit=200`);

export const listAttendanceCorrections = (sessionId: string) =>
  api<AttendanceCorrectionDto[]>(`/sessions/${encodeURIComponent(sessionId)}/attendance/corrections`);

export const correctAttendance = (sessionId: string, body: CorrectAttendanceRequest) =>
  api<AttendanceCorrectionDto>(
    `/sessions/${encodeURIComponent(sessionId)}/attendance/corrections`,
    request('POST', body),
  );

export const updateImpactSettings = (
  id: string,
  body: Pick<
    UpdateProgramRequest,
    'minAttendanceShare' | 'learningTarget' | 'learningTargetDate' | 'certificateShare' | 'certificateMinSessions'
  >,
) => api<ProgramDto>(program(id), request('PATCH', body));

export const getRegistrationFunnel = (id: string) => api<RegistrationFunnel>(`${program(id)}/registration/funnel`);

export const listSurveys = (id: string) => api<SurveySummaryDto[]>(`${program(id)}/surveys`);

export const createSurvey = (id: string, body: CreateSurveyRequest) =>
  api<SurveySummaryDto>(`${program(id)}/surveys`, request('POST', body));

export const getSurveyResults = (id: string, surveyId: string) =>
  api<SurveyResultsDto>(`${program(id)}/surveys/${encodeURIComponent(surveyId)}`);

export const sendSessionSurvey = (sessionId: string) =>
  api<SurveySummaryDto>(`/sessions/${encodeURIComponent(sessionId)}/survey`, request('POST'));
