import { AdminAuditEntry } from './admin/entities/admin-audit.entity';
import { AuthSession } from './auth/entities/auth-session.entity';
import { PasswordReset } from './auth/entities/password-reset.entity';
import { User } from './auth/entities/user.entity';
import { CoproductionPayment, CoproductionRoleEntity } from './coproduction';
import { AssessmentAnswer, AssessmentRound, AssessmentTemplate, PlannedActivity, Priority } from './assessment';
import { LearningActivity, MentoringPair } from './exchanges';
import { AttendanceCorrection, Certificate, Survey, SurveyRecipient, SurveyResponse } from './impact';
import { Attendance, ChatMessageEntity, LiveRoomSnapshot, Poll, PollAnswer } from './live';
import { CaseAttachment, CaseConfirmation, EchoCase, Recommendation } from './cases';
import {
  Attachment,
  AuditEntry,
  Bookmark,
  CommunityGroup,
  Flag,
  GroupMember,
  JoinRequest,
  Notification,
  Post,
  PostRevision,
  Reaction,
  ReadMarker,
  Thread,
} from './community';
import { Invitation } from './programs/entities/invitation.entity';
import { Membership } from './programs/entities/membership.entity';
import { Program } from './programs/entities/program.entity';
import { Site } from './programs/entities/site.entity';
import { Recording } from './recordings';
import { Registration, RegistrationForm } from './registration';
import { AgendaItem, EchoSession, SessionSeries } from './sessions';

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
  LiveRoomSnapshot,
  Poll,
  PollAnswer,
  AdminAuditEntry,
  Survey,
  SurveyRecipient,
  SurveyResponse,
  Certificate,
  AttendanceCorrection,
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
  // issue 20 A: the programme around the sessions
  AssessmentTemplate,
  AssessmentRound,
  AssessmentAnswer,
  Priority,
  PlannedActivity,
  LearningActivity,
  MentoringPair,
  RegistrationForm,
  Registration,
  // issue 20: co-production
  CoproductionRoleEntity,
  CoproductionPayment,
];
