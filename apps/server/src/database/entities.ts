import { AdminAuditEntry } from '../admin/entities/admin-audit.entity';
import { AuthSession } from '../auth/entities/auth-session.entity';
import { PasswordReset } from '../auth/entities/password-reset.entity';
import { User } from '../auth/entities/user.entity';
import { Certificate } from '../impact/entities/certificate.entity';
import { SurveyRecipient } from '../impact/entities/survey-recipient.entity';
import { SurveyResponse } from '../impact/entities/survey-response.entity';
import { Survey } from '../impact/entities/survey.entity';
import { Attendance } from '../live/entities/attendance.entity';
import { ChatMessageEntity } from '../live/entities/chat-message.entity';
import { CaseAttachment } from '../cases/entities/case-attachment.entity';
import { CaseConfirmation } from '../cases/entities/case-confirmation.entity';
import { EchoCase } from '../cases/entities/echo-case.entity';
import { Recommendation } from '../cases/entities/recommendation.entity';
import { Attachment } from '../community/entities/attachment.entity';
import { AuditEntry } from '../community/entities/audit-entry.entity';
import { Bookmark } from '../community/entities/bookmark.entity';
import { CommunityGroup } from '../community/entities/community-group.entity';
import { Flag } from '../community/entities/flag.entity';
import { GroupMember } from '../community/entities/group-member.entity';
import { JoinRequest } from '../community/entities/join-request.entity';
import { Notification } from '../community/entities/notification.entity';
import { Post } from '../community/entities/post.entity';
import { PostRevision } from '../community/entities/post-revision.entity';
import { Reaction } from '../community/entities/reaction.entity';
import { ReadMarker } from '../community/entities/read-marker.entity';
import { Thread } from '../community/entities/thread.entity';
import { Invitation } from '../programs/entities/invitation.entity';
import { Membership } from '../programs/entities/membership.entity';
import { Program } from '../programs/entities/program.entity';
import { Site } from '../programs/entities/site.entity';
import { Recording } from '../recordings/entities/recording.entity';
import { AgendaItem } from '../sessions/entities/agenda-item.entity';
import { EchoSession } from '../sessions/entities/echo-session.entity';
import { SessionSeries } from '../sessions/entities/session-series.entity';

/** Every TypeORM entity, listed once. */
export const entities = [
  User,
  AuthSession,
  PasswordReset,
  Program,
  Site,
  Membership,
  Invitation,
  SessionSeries,
  EchoSession,
  AgendaItem,
  Attendance,
  ChatMessageEntity,
  Survey,
  SurveyRecipient,
  SurveyResponse,
  Certificate,
  EchoCase,
  CaseConfirmation,
  Recommendation,
  CaseAttachment,
  CommunityGroup,
  GroupMember,
  JoinRequest,
  Thread,
  Post,
  PostRevision,
  Reaction,
  Bookmark,
  Flag,
  Attachment,
  ReadMarker,
  Notification,
  AuditEntry,
  Recording,
  AdminAuditEntry,
];
