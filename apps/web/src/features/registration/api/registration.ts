import type {
  RegistrationDto,
  RegistrationFormDto,
  RegistrationRequest,
  RegistrationResponse,
  SaveRegistrationFormRequest,
} from '@echo-hub/protocol';
import { api, request } from '../../../lib/api';

const program = (id: string) => `/programs/${encodeURIComponent(id)}`;

/** Public: the form of a program, while it is open. */
export const getPublicForm = (programId: string) =>
  api<RegistrationFormDto>(`/register/${encodeURIComponent(programId)}`);

export const register = (programId: string, body: RegistrationRequest) =>
  api<RegistrationResponse>(`/register/${encodeURIComponent(programId)}`, request('POST', body));

export const getRegistrationForm = (programId: string) =>
  api<RegistrationFormDto>(`${program(programId)}/registration/form`);

export const saveRegistrationForm = (programId: string, body: SaveRegistrationFormRequest) =>
  api<RegistrationFormDto>(`${program(programId)}/registration/form`, request('PUT', body));

export const listRegistrations = (programId: string) => api<RegistrationDto[]>(`${program(programId)}/registrations`);
