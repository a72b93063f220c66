import type { Ack } from './live';
import type { ConfirmedSpan } from './cases';
import type { RemovedMetadata } from './metadata';

/**
 * Community of practice: peer-support groups inside a program, threaded discussions,
 * reactions, mentions, notifications and search. REST payloads and the socket events
 * merged into the live event maps (see live.ts).
 */

export const GroupRole = { Member: 'member', Moderator: 'moderator' } as const;
export type GroupRole = (typeof GroupRole)[keyof typeof GroupRole];
export const GROUP_ROLES = Object.values(GroupRole);

export const CommunityLimits = {
  groupName: 100,
  groupDescription: 2000,
  title: 200,
  /** Markdown source of one post. */
  body: 20_000,
  /** Posts and threads per person per minute (moderators are exempt, as in Discourse). */
  postsPerMinute: 10,
  /** Distinct people flagging a post before it is hidden pending review. */
  flagsToHide: 3,
  attachmentBytes: 10 * 1024 * 1024,
  searchQuery: 200,
  /** Replies nest visually this deep; deeper replies are shown flat with "replying to …". */
  indentLevels: 4,
} as const;

/** Images and PDFs only: checked by their content, not by the name the browser sends. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const FLAG_REASONS = ['identifiable', 'inappropriate', 'spam', 'off_topic', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export interface PersonRef {
  id: string;
  displayName: string;
}

/** What the caller may do in a group. */
export interface GroupAccess {
  read: boolean;
  post: boolean;
  moderate: boolean;
  /** The caller's own membership row (private groups, and moderators of open ones). */
  role: GroupRole | null;
  /** The caller's pending or declined request to join this private group. */
  joinRequest: 'pending' | 'declined' | null;
}

export interface GroupSummary {
  id: string;
  programId: string;
  name: string;
  description: string;
  isPrivate: boolean;
  createdAt: string;
  threadCount: number;
  memberCount: number;
  lastPostAt: string | null;
  /** Threads with posts the caller has not read, and how many such posts. */
  unreadThreads: number;
  unreadPosts: number;
  access: GroupAccess;
}

/** `POST /api/programs/:id/groups` */
export interface CreateGroupRequest {
  name: string;
  private?: boolean;
  description?: string;
}

export interface UpdateGroupRequest {
  name?: string;
  description?: string;
  private?: boolean;
}

export interface GroupMemberDto {
  /** `email` is null where the viewer may not see it (`seesMemberEmails`). */
  user: PersonRef & { email: string | null };
  /** null: a program member who reads an open group without a membership row. */
  role: GroupRole | null;
  joinedAt: string | null;
}

export interface AddGroupMemberRequest {
  userId: string;
  role?: GroupRole;
}

export interface UpdateGroupMemberRequest {
  role: GroupRole;
}

export interface JoinGroupRequest {
  message?: string;
}

export interface JoinRequestDto {
  id: string;
  groupId: string;
  user: PersonRef;
  message: string;
  status: 'pending' | 'approved' | 'declined';
  createdAt: string;
  decidedAt: string | null;
}

export interface DecideJoinRequest {
  status: 'approved' | 'declined';
}

export interface ThreadSummary {
  id: string;
  groupId: string;
  programId: string;
  title: string;
  author: PersonRef;
  createdAt: string;
  lastPostAt: string;
  /** Visible replies (the opening post not counted). */
  replyCount: number;
  pinned: boolean;
  locked: boolean;
  /** Hidden by a moderator (only moderators and the author still see it). */
  hidden: boolean;
  sessionId: string | null;
  /** Posts by others after the caller's read marker (0 in broadcasts: recount on the client). */
  unreadPosts: number;
}

/** `POST /api/groups/:id/threads` */
export interface CreateThreadRequest {
  title: string;
  body: string;
  /** Continue the discussion of a session of the same program. */
  sessionId?: string;
  /** Follow up a case of the same program (one the author may read). */
  caseId?: string;
  /** Client-generated UUID: a retry with the same one returns the thread already made. */
  clientId?: string;
  /**
   * Possible identifiers in the title or body (the de-identification gate, as a warning: peer support is
   * not case discussion, but staff write about patients there too) that the author confirms identify
   * nobody, by field and offsets; any other finding answers 422 IDENTIFIERS_FOUND with the findings.
   */
  confirmedSpans?: ConfirmedSpan[];
}

export interface CreateThreadResponse {
  id: string;
}

export interface UpdateThreadRequest {
  title?: string;
  pinned?: boolean;
  locked?: boolean;
  sessionId?: string | null;
  caseId?: string | null;
  /**
   * Possible identifiers in the title or body (the de-identification gate, as a warning: peer support is
   * not case discussion, but staff write about patients there too) that the author confirms identify
   * nobody, by field and offsets; any other finding answers 422 IDENTIFIERS_FOUND with the findings.
   */
  confirmedSpans?: ConfirmedSpan[];
}

export interface MoveThreadRequest {
  groupId: string;
}

export interface ReactionSummary {
  emoji: string;
  count: number;
  userIds: string[];
}

export interface PostDto {
  id: string;
  threadId: string;
  /** The post this one replies to (null: the opening post, or a reply to the thread). */
  parentId: string | null;
  /** 1 for the opening post, then in order of posting. */
  number: number;
  opening: boolean;
  author: PersonRef;
  /** Markdown source ('' when hidden or deleted, except for moderators and, when hidden, the author). */
  body: string;
  /** Safe HTML rendered from `body` (markdown-it, no raw HTML, http/https/mailto links only). */
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  deleted: boolean;
  reactions: ReactionSummary[];
  attachments: AttachmentDto[];
  /** Echoed so the author's other tabs can match an optimistic post. */
  clientId: string | null;
}

export interface PostNode extends PostDto {
  replies: PostNode[];
}

/** A case a thread points at, as the reader may see it. */
export type LinkedCase =
  { visible: true; id: string; title: string; status: string; sessionId: string | null } | { visible: false };

/**
 * `GET /api/threads/:id[?limit]`: the thread with the first page of its posts as a tree (the opening post first, then
 * replies to the thread); `GET /api/threads/:id/posts?cursor=` gives the rest, flat and in order.
 */
export interface ThreadDetail extends ThreadSummary {
  group: { id: string; name: string; isPrivate: boolean };
  session: { id: string; title: string; startsAt: string } | null;
  /** The case the thread follows up: what it is only for readers who may see the case, else only that one exists. */
  case: LinkedCase | null;
  posts: PostNode[];
  /** The cursor of the posts after these (`GET /api/threads/:id/posts?cursor=`); null when all are here. */
  nextPostsCursor: string | null;
  access: { post: boolean; moderate: boolean };
  /** The caller's bookmarks among all the thread's posts. */
  bookmarkedPostIds: string[];
  /** Highest post number the caller had read before this visit. */
  lastReadPostNumber: number;
}

/** `POST /api/threads/:id/posts` */
export interface CreatePostRequest {
  body: string;
  parentId?: string;
  clientId?: string;
  /**
   * Possible identifiers in the title or body (the de-identification gate, as a warning: peer support is
   * not case discussion, but staff write about patients there too) that the author confirms identify
   * nobody, by field and offsets; any other finding answers 422 IDENTIFIERS_FOUND with the findings.
   */
  confirmedSpans?: ConfirmedSpan[];
}

/** `POST /api/groups/:id/preview`: what a draft will look like, and whom it will notify. */
export interface PreviewRequest {
  body: string;
}

export interface PreviewResponse {
  html: string;
  mentioned: PersonRef[];
}

export interface UpdatePostRequest {
  body: string;
  /**
   * Possible identifiers in the title or body (the de-identification gate, as a warning: peer support is
   * not case discussion, but staff write about patients there too) that the author confirms identify
   * nobody, by field and offsets; any other finding answers 422 IDENTIFIERS_FOUND with the findings.
   */
  confirmedSpans?: ConfirmedSpan[];
}

export interface PostRevisionDto {
  id: string;
  /** The text as it was before this edit. */
  body: string;
  editor: PersonRef;
  createdAt: string;
}

export interface ReactRequest {
  emoji: string;
  active: boolean;
}

export interface FlagRequest {
  reason: FlagReason;
  note?: string;
}

export interface HideRequest {
  reason: string;
}

export interface AttachmentDto {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  /** What to put in a post to show it: `![name](attachment:id)` or `[name](attachment:id)`. */
  markdown: string;
  /** Only in the upload's answer: the kinds of metadata the hub removed from the file (never their values). */
  removed?: RemovedMetadata[];
}

export interface BookmarkDto {
  postId: string;
  threadId: string;
  threadTitle: string;
  groupName: string;
  author: PersonRef;
  excerpt: string;
  createdAt: string;
}

export interface SearchResult {
  threadId: string;
  postId: string;
  groupId: string;
  groupName: string;
  threadTitle: string;
  /** Escaped HTML: only `<mark>` elements are markup. */
  titleHtml: string;
  snippetHtml: string;
  author: PersonRef;
  createdAt: string;
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
}

export type NotificationKind =
  | 'mention'
  | 'reply'
  | 'join_request'
  | 'join_decided'
  | 'recommendations'
  /** A case the session ended on before it was discussed: where it waits now (in `excerpt`). */
  | 'case_returned';

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  programId: string;
  groupId: string | null;
  threadId: string | null;
  postId: string | null;
  /** The case whose recommendations were sent, or that was returned to the queue. */
  caseId: string | null;
  actor: PersonRef | null;
  /** Thread title, group name for join requests, or case title for recommendations. */
  title: string;
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsResponse {
  items: NotificationDto[];
  unread: number;
}

export interface MarkNotificationsReadRequest {
  /** Omit to mark every notification read. */
  ids?: string[];
}

export interface FlaggedPostDto {
  postId: string;
  threadId: string;
  threadTitle: string;
  groupId: string;
  groupName: string;
  author: PersonRef;
  excerpt: string;
  hidden: boolean;
  flags: { reason: FlagReason; note: string; by: PersonRef; createdAt: string }[];
}

export interface AuditEntryDto {
  id: string;
  programId: string;
  groupId: string | null;
  groupName: string | null;
  threadId: string | null;
  actor: PersonRef | null;
  action: string;
  targetType: 'group' | 'member' | 'join_request' | 'thread' | 'post' | 'attendance';
  targetId: string;
  detail: string;
  createdAt: string;
}

// ---- socket events (merged into ClientToServerEvents / ServerToClientEvents) ----

/** Watch one thread or one group (exactly one of the two). */
export interface WatchRequest {
  threadId?: string;
  groupId?: string;
}

export interface CommunityPostEvent {
  threadId: string;
  groupId: string;
  post: PostDto;
}

export interface CommunityReactionEvent {
  threadId: string;
  postId: string;
  reactions: ReactionSummary[];
}

export interface CommunityThreadEvent {
  thread: ThreadSummary;
}

type AckFn<T = undefined> = (ack: Ack<T>) => void;

export interface CommunityClientToServerEvents {
  'community:watch': (req: WatchRequest, ack: AckFn) => void;
  'community:unwatch': (req: WatchRequest, ack: AckFn) => void;
}

export interface CommunityServerToClientEvents {
  /** A new post in a watched thread or group. */
  'community:post': (e: CommunityPostEvent) => void;
  /** A post was edited, hidden, restored or deleted. */
  'community:postUpdated': (e: CommunityPostEvent) => void;
  'community:reaction': (e: CommunityReactionEvent) => void;
  /** A thread was started in a watched group, or a watched thread changed (title, pin, lock, move). */
  'community:thread': (e: CommunityThreadEvent) => void;
  /** To `user:<id>`: a mention, a reply, a join request or its decision. */
  notification: (n: NotificationDto) => void;
}
