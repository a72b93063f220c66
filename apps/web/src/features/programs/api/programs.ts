import type {
  AcceptInvitationRequest,
  AddMemberRequest,
  CalendarLinks,
  CreateInvitationRequest,
  CreateProgramRequest,
  CreateSiteRequest,
  InvitationDto,
  InvitationPreview,
  MemberDto,
  ProgramDto,
  ProgramOverview,
  SiteDto,
  UpdateMemberRequest,
  UpdateProgramRequest,
} from '@echo-hub/protocol';
import { api, apiAll, apiPage, request } from '../../../lib/api';

const program = (id: string) => `/programs/${encodeURIComponent(id)}`;

export const listPrograms = () => api<ProgramDto[]>('/programs');

export const createProgram = (body: CreateProgramRequest) => api<ProgramDto>('/programs', request('POST', body));

export const getProgramOverview = (id: string) => api<ProgramOverview>(program(id));

export const updateProgram = (id: string, body: UpdateProgramRequest) =>
  api<ProgramDto>(program(id), request('PATCH', body));

export const addSite = (id: string, body: CreateSiteRequest) =>
  api<SiteDto>(`${program(id)}/sites`, request('POST', body));

/** Every member of the program, by name (every page: pickers need them all). */
export const listMembers = (id: string) => apiAll<MemberDto>(`${program(id)}/members?limit=200`);

/** A page of the program's members by name; `cursor`: the previous page's `next`. */
export const memberPage = (id: string, cursor?: string | null, limit = 50) =>
  apiPage<MemberDto>(`${program(id)}/members?limit=${limit}`, cursor);

/** The program with every member, for the pages that pick members. */
export const getProgramWithMembers = async (id: string): Promise<ProgramOverview & { members: MemberDto[] }> => {
  const [overview, members] = await Promise.all([getProgramOverview(id), listMembers(id)]);
  return { ...overview, members };
};

/** Invites the person with this e-mail (the same answer whether or not they have an account). */
export const addMember = (id: string, body: AddMemberRequest) =>
  api<InvitationDto>(`${program(id)}/members`, request('POST', body));

export const updateMember = (id: string, memberId: string, body: UpdateMemberRequest) =>
  api<unknown>(`${program(id)}/members/${encodeURIComponent(memberId)}`, request('PATCH', body));

export const removeMember = (id: string, memberId: string) =>
  api<void>(`${program(id)}/members/${encodeURIComponent(memberId)}`, request('DELETE'));

export const createInvitation = (id: string, body: CreateInvitationRequest) =>
  api<InvitationDto>(`${program(id)}/invitations`, request('POST', body));

export const getCalendarLinks = (id: string) => api<CalendarLinks>(`${program(id)}/calendar-links`);

export const getInvitation = (token: string) => api<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`);

export const acceptInvitation = (token: string, body: AcceptInvitationRequest) =>
  api<MemberDto>(`/invitations/${encodeURIComponent(token)}/accept`, request('POST', body));
