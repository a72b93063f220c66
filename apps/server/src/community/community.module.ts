import { Module } from '@nestjs/common';
import { ProgramScopes } from '../auth/program-scope';
import { CaseEvents, CasesModule } from '../cases';
import { AttachmentsService } from './attachments.service';
import { AuditService } from './audit.service';
import { CommunityAccessService } from './community-access.service';
import { CommunityController } from './community.controller';
import { GroupsController } from './groups.controller';
import { GroupRecords } from './groups.records';
import { GroupsService } from './groups.service';
import { ModerationRecords } from './moderation.records';
import { ModerationService } from './moderation.service';
import { NotificationRecords } from './notifications.records';
import { NotificationsService } from './notifications.service';
import { PostsController } from './posts.controller';
import { SearchService } from './search.service';
import { ThreadsController } from './threads.controller';
import { ThreadRecords } from './threads.records';
import { ThreadsService } from './threads.service';

/** Community of practice: groups, threads, posts, reactions, mentions, notifications, search, moderation. */
@Module({
  imports: [CasesModule],
  controllers: [GroupsController, ThreadsController, PostsController, CommunityController],
  providers: [
    ThreadRecords,
    GroupRecords,
    ModerationRecords,
    NotificationRecords,
    CommunityAccessService,
    AuditService,
    SearchService,
    NotificationsService,
    ThreadsService,
    ModerationService,
    GroupsService,
    AttachmentsService,
  ],
  exports: [CommunityAccessService, ThreadsService, GroupsService, NotificationsService],
})
export class CommunityModule {
  constructor(scopes: ProgramScopes, cases: CaseEvents, notifications: NotificationsService, groups: GroupRecords) {
    cases.recommendationsSent.on((e) =>
      notifications.notify({
        userId: e.presenterId,
        kind: 'recommendations',
        programId: e.programId,
        groupId: null,
        caseId: e.caseId,
        actor: e.by,
        title: e.title,
      }),
    );
    cases.returned.on((e) =>
      notifications.notify({
        userId: e.presenterId,
        kind: 'case_returned',
        programId: e.programId,
        groupId: null,
        caseId: e.caseId,
        actor: e.by,
        title: e.title,
        excerpt: e.where,
      }),
    );
    scopes.register('group', (_db, id) => groups.programIdOfGroup(id));
    scopes.register('thread', (_db, id) => groups.programIdOfThread(id));
    scopes.register('post', (_db, id) => groups.programIdOfPost(id));
    scopes.register('attachment', (_db, id) => groups.programIdOfAttachment(id));
  }
}
