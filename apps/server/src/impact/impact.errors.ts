import { DomainCode, DomainError, ErrorKind } from '../common/domain-error';

/** Error codes the impact, survey and certificate routes answer with. */
export const ImpactError = {
  NotFound: DomainCode.NotFound,
  Validation: DomainCode.ValidationFailed,
  SessionNotEnded: 'SESSION_NOT_ENDED',
  PracticeSession: 'PRACTICE_SESSION',
  AlreadyAnswered: 'SURVEY_ALREADY_ANSWERED',
  SurveyClosed: 'SURVEY_CLOSED',
  NothingToCertify: 'NO_ATTENDANCE_IN_PERIOD',
  NotYours: 'NOT_YOUR_CERTIFICATE',
  SessionNotDelivered: 'SESSION_NOT_DELIVERED',
  TooFewSessions: 'TOO_FEW_SESSIONS',
} as const;

export { invalidField as invalid, notFound } from '../common/domain-error';

export const practiceSession = () =>
  new DomainError(
    ErrorKind.Conflict,
    ImpactError.PracticeSession,
    'A practice session has no survey: it counts nowhere',
  );

export const sessionNotEnded = () =>
  new DomainError(
    ErrorKind.Conflict,
    ImpactError.SessionNotEnded,
    'The post-session survey goes out once the session has ended',
  );

export const alreadyAnswered = () =>
  new DomainError(ErrorKind.Conflict, ImpactError.AlreadyAnswered, 'You have already answered this survey');

export const surveyClosed = () =>
  new DomainError(ErrorKind.Conflict, ImpactError.SurveyClosed, 'This survey has closed');

export const nothingToCertify = (period: string) =>
  new DomainError(
    ErrorKind.Unprocessable,
    ImpactError.NothingToCertify,
    `No session in ${period} counts as a learning experience for this person, so there is nothing to certify`,
  );

export const notYours = () =>
  new DomainError(
    ErrorKind.Forbidden,
    ImpactError.NotYours,
    'Only a facilitator or coordinator may download someone else’s certificate',
  );

export const sessionNotDelivered = () =>
  new DomainError(
    ErrorKind.Conflict,
    ImpactError.SessionNotDelivered,
    'Attendance can be corrected once the session has taken place (live or ended, not practice)',
  );

export const tooFewSessions = (period: string, sessions: number, needed: number) =>
  new DomainError(
    ErrorKind.Unprocessable,
    ImpactError.TooFewSessions,
    `The program's certificate needs ${needed} sessions attended in ${period}; this person has ${sessions}`,
    { sessions, needed },
  );
