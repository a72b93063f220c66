import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  NotFoundException,
} from '@nestjs/common';

export const CommunityError = {
  PrivateGroup: 'PRIVATE_GROUP',
  NotModerator: 'NOT_MODERATOR',
  NotAuthor: 'NOT_AUTHOR',
  ThreadLocked: 'THREAD_LOCKED',
  TooManyPosts: 'TOO_MANY_POSTS',
  AlreadyMember: 'ALREADY_MEMBER',
  RequestPending: 'JOIN_REQUEST_PENDING',
  OpenGroup: 'OPEN_GROUP',
  AlreadyDecided: 'ALREADY_DECIDED',
  OwnPost: 'OWN_POST',
  AlreadyFlagged: 'ALREADY_FLAGGED',
  ClientIdReused: 'CLIENT_ID_REUSED',
  BadAttachment: 'BAD_ATTACHMENT',
  LastModerator: 'LAST_MODERATOR',
} as const;

export const notFound = (what: string) => new NotFoundException({ error: 'NOT_FOUND', message: `${what} not found` });
export const badRequest = (message: string) => new BadRequestException({ error: 'VALIDATION_FAILED', message });
export const forbidden = (error: (typeof CommunityError)[keyof typeof CommunityError], message: string) =>
  new ForbiddenException({ error, message });
export const conflict = (error: (typeof CommunityError)[keyof typeof CommunityError], message: string) =>
  new ConflictException({ error, message });
export const privateGroup = () =>
  forbidden(CommunityError.PrivateGroup, 'This group is private: ask its moderators to join');
export const notModerator = () => forbidden(CommunityError.NotModerator, 'Only moderators of this group may do this');
export const tooManyPosts = (retryAfterSeconds: number) =>
  new HttpException(
    {
      error: CommunityError.TooManyPosts,
      message: `You are posting very fast: try again in ${retryAfterSeconds} s`,
      retryAfterSeconds,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
