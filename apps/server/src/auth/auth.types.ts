import type { ProgramRole } from '@echo-hub/protocol';
import type { Request } from 'express';

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  sessionId: string;
}

export interface AuthenticatedRequest extends Request {
  user: AuthUser;
  /** Set for program-scoped routes: the program and the caller's role in it (null for a non-member admin). */
  program?: { id: string; role: ProgramRole | null };
}
