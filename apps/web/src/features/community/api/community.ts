import type {
  FileGateFields,
  ConfirmedSpan,
  AttachmentDto,
  AuditEntryDto,
  BookmarkDto,
  CreateGroupRequest,
  CreatePostRequest,
  CreateThreadRequest,
  CreateThreadResponse,
  FlaggedPostDto,
  FlagRequest,
  GroupMemberDto,
  GroupRole,
  GroupSummary,
  JoinRequestDto,
  NotificationDto,
  NotificationsResponse,
  PostDto,
  PostRevisionDto,
  PreviewResponse,
  ReactionSummary,
  SearchResponse,
  ThreadDetail,
  ThreadSummary,
  UpdateThreadRequest,
} from '@echo-hub/protocol';
import { api, apiAll, type ApiPage, apiPage, request } from '../../../lib/api';
import { gatedForm, type UploadProgress, upload } from '../../../lib/upload';
import { fetchBlob } from '../../../lib/download';

const id = encodeURIComponent;

export const listGroups = (programId: string) => api<GroupSummary[]>(`/programs/${id(programId)}/groups`);
export const createGroup = (programId: string, body: CreateGroupRequest) =>
  api<GroupSummary>(`/programs/${id(programId)}/groups`, request('POST', body));
export const getGroup = (groupId: string) => api<GroupSummary>(`/groups/${id(groupId)}`);
/** A page of a group's threads (pinned first, then latest); `cursor`: the previous page's `next`. */
export const listThreads = (groupId: string, cursor?: string | null) =>
  apiPage<ThreadSummary>(`/groups/${id(groupId)}/threads`, cursor);
export const createThread = (groupId: string, body: CreateThreadRequest) =>
  api<CreateThreadResponse>(`/groups/${id(groupId)}/threads`, request('POST', body));
/** Every member (the moderators' panel picks among them), page after page. */
export const listGroupMembers = (groupId: string) => apiAll<GroupMemberDto>(`/groups/${id(groupId)}/members?limit=200`);
export const addGroupMember = (groupId: string, userId: string, role: GroupRole) =>
  api<GroupMemberDto[]>(`/groups/${id(groupId)}/members`, request('POST', { userId, role }));
export const setGroupRole = (groupId: string, userId: string, role: GroupRole) =>
  api<GroupMemberDto[]>(`/groups/${id(groupId)}/members/${id(userId)}`, request('PATCH', { role }));
export const removeGroupMember = (groupId: string, userId: string) =>
  api<void>(`/groups/${id(groupId)}/members/${id(userId)}`, request('DELETE'));
export const askToJoin = (groupId: string, message: string) =>
  api<JoinRequestDto>(`/groups/${id(groupId)}/requests`, request('POST', message ? { message } : {}));
export const listJoinRequests = (groupId: string) => api<JoinRequestDto[]>(`/groups/${id(groupId)}/requests`);
export const decideJoinRequest = (groupId: string, requestId: string, status: 'approved' | 'declined') =>
  api<JoinRequestDto>(`/groups/${id(groupId)}/requests/${id(requestId)}`, request('PATCH', { status }));
export const previewPost = (groupId: string, body: string) =>
  api<PreviewResponse>(`/groups/${id(groupId)}/preview`, request('POST', { body }));

export function uploadAttachment(
  groupId: string,
  file: File,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
  fields: FileGateFields = {},
): Promise<AttachmentDto> {
  return upload<AttachmentDto>(`/groups/${id(groupId)}/attachments`, gatedForm(file, fields), onProgress, signal);
}

export const getThread = (threadId: string) => api<ThreadDetail>(`/threads/${id(threadId)}`);
export const updateThread = (threadId: string, body: UpdateThreadRequest) =>
  api<ThreadSummary>(`/threads/${id(threadId)}`, request('PATCH', body));
export const moveThread = (threadId: string, groupId: string) =>
  api<ThreadSummary>(`/threads/${id(threadId)}/move`, request('POST', { groupId }));
export const replyTo = (threadId: string, body: CreatePostRequest) =>
  api<PostDto>(`/threads/${id(threadId)}/posts`, request('POST', body));
export const markThreadRead = (threadId: string) =>
  api<{ lastReadPostNumber: number }>(`/threads/${id(threadId)}/read`, request('POST'));
export const sessionThreads = (sessionId: string) => api<ThreadSummary[]>(`/sessions/${id(sessionId)}/threads`);
export const caseThreads = (caseId: string) => api<ThreadSummary[]>(`/cases/${id(caseId)}/threads`);

export const editPost = (postId: string, body: string, confirmedSpans: ConfirmedSpan[] = []) =>
  api<PostDto>(
    `/posts/${id(postId)}`,
    request('PATCH', { body, ...(confirmedSpans.length ? { confirmedSpans } : {}) }),
  );
export const deletePost = (postId: string) => api<PostDto>(`/posts/${id(postId)}`, request('DELETE'));
export const postRevisions = (postId: string) => api<PostRevisionDto[]>(`/posts/${id(postId)}/revisions`);
export const react = (postId: string, emoji: string, active: boolean) =>
  api<ReactionSummary[]>(`/posts/${id(postId)}/reactions`, request('PUT', { emoji, active }));
export const setBookmark = (postId: string, on: boolean) =>
  api<unknown>(`/posts/${id(postId)}/bookmark`, request(on ? 'PUT' : 'DELETE'));
export const flagPost = (postId: string, body: FlagRequest) =>
  api<{ id: string }>(`/posts/${id(postId)}/flags`, request('POST', body));
export const dismissFlags = (postId: string) => api<unknown>(`/posts/${id(postId)}/flags`, request('DELETE'));
export const hidePost = (postId: string, reason: string) =>
  api<PostDto>(`/posts/${id(postId)}/hide`, request('POST', { reason }));
export const restorePost = (postId: string) => api<PostDto>(`/posts/${id(postId)}/restore`, request('POST'));

export const searchCommunity = (programId: string, q: string) =>
  api<SearchResponse>(`/programs/${id(programId)}/community/search?q=${encodeURIComponent(q)}`);
/** A page of the caller's bookmarks in a program, latest first; `cursor`: the previous page's `next`. */
export const listBookmarks = (programId: string, cursor?: string | null) =>
  apiPage<BookmarkDto>(`/programs/${id(programId)}/community/bookmarks`, cursor);
export const listFlagged = (programId: string) => api<FlaggedPostDto[]>(`/programs/${id(programId)}/community/flags`);
/** A page of the audit log, newest first; `cursor`: the previous page's `next`. */
export const auditLog = (programId: string, cursor?: string | null) =>
  apiPage<AuditEntryDto>(`/programs/${id(programId)}/community/audit`, cursor);

export const listNotifications = () => api<NotificationsResponse>('/notifications');
/** A page of the notifications, newest first, with the unread count; `cursor`: the previous page's `next`. */
export async function notificationsPage(
  cursor?: string | null,
): Promise<ApiPage<NotificationDto> & { unread: number }> {
  let unread = 0;
  const page = await apiPage<NotificationDto>('/notifications', cursor, (body) => {
    const answer = body as NotificationsResponse;
    unread = answer.unread;
    return answer.items;
  });
  return { ...page, unread };
}
export const markNotificationsRead = (ids?: string[]) =>
  api<NotificationsResponse>('/notifications/read', request('POST', ids ? { ids } : {}));

/** An attachment's bytes, fetched with the reader's token (an <img src> could not send it). */
export const fetchAttachment = (attachmentId: string) => fetchBlob(`/attachments/${id(attachmentId)}`);
