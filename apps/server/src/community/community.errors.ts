import { DomainCode, DomainError, ErrorKind } from '../common/domain-error';

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
type CommunityError = (typeof CommunityError)[keyof typeof CommunityError];

export { notFound } from '../common/domain-error';
export const badRequest = (message: string) => new DomainError(ErrorKind.Invalid, DomainCode.ValidationFailed, message);
export const forbidden = (error: CommunityError, message: string) =>
  new DomainError(ErrorKind.Forbidden, error, message);
export const conflict = (error: CommunityError, message: string) => new DomainError(ErrorKind.Conflict, error, message);
export const privateGroup = () =>
  forbidden(CommunityError.PrivateGroup, 'This group is private: ask its moderators to join');
export const notModerator = () => forbidden(CommunityError.NotModerator, 'Only moderators of this group may do this');
export const tooManyPosts = (retryAfterSeconds: number) =>
  new DomainError(
    ErrorKind.RateLimited,
    CommunityError.TooManyPosts,
    `You are posting very fast: try again in ${retryAfterSeconds} s`,
    { retryAfterSeconds },
  );
