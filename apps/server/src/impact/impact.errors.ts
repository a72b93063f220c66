import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';

/** Error codes the impact, survey and certificate routes answer with. */
export const ImpactError = {
  NotFound: 'NOT_FOUND',
  Validation: 'VALIDATION_FAILED',
  SessionNotEnded: 'SESSION_NOT_ENDED',
  PracticeSession: 'PRACTICE_SESSION',
  AlreadyAnswered: 'SURVEY_ALREADY_ANSWERED',
  SurveyClosed: 'SURVEY_CLOSED',
  NothingToCertify: 'NO_ATTENDANCE_IN_PERIOD',
  NotYours: 'NOT_YOUR_CERTIFICATE',
} as const;

export const notFound = (what: string) =>
  new NotFoundException({ error: ImpactError.NotFound, message: `${what} not found` });

/** Bad input the DTOs cannot see (it depends on stored data): 400 naming the field. */
export const invalid = (field: string, message: string) =>
  new BadRequestException({
    error: ImpactError.Validation,
    message: `${field}: ${message}`,
    fields: [{ field, messages: [message] }],
  });

export const practiceSession = () =>
  new ConflictException({
    error: ImpactError.PracticeSession,
    message: 'A practice session has no survey: it counts nowhere',
  });

export const sessionNotEnded = () =>
  new ConflictException({
    error: ImpactError.SessionNotEnded,
    message: 'The post-session survey goes out once the session has ended',
  });

export const alreadyAnswered = () =>
  new ConflictException({ error: ImpactError.AlreadyAnswered, message: 'You have already answered this survey' });

export const surveyClosed = () =>
  new ConflictException({ error: ImpactError.SurveyClosed, message: 'This survey has closed' });

export const nothingToCertify = (period: string) =>
  new UnprocessableEntityException({
    error: ImpactError.NothingToCertify,
    message: `No session in ${period} counts as a learning experience for this person, so there is nothing to certify`,
  });

export const notYours = () =>
  new ForbiddenException({
    error: ImpactError.NotYours,
    message: 'Only a facilitator or coordinator may download someone else’s certificate',
  });
