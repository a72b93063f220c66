import { Module } from '@nestjs/common';
import { ProgramScopes } from '../auth/program-scope';
import { CaseEvents, CasesModule } from '../cases';
import { Attachment } from './entities/attachment.entity';
import { CommunityGroup } from './entities/community-group.entity';
import { Post } from './entities/post.entity';
import { Thread } from './entities/thread.entity';
import { AttachmentsService } from './attachments.service';
import { AuditService } from './audit.service';
import { CommunityAccessService } from './community-access.service';
import { CommunityController } from './community.controller';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { ModerationService } from './moderation.service';
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
  constructor(scopes: ProgramScopes, cases: CaseEvents, notifications: NotificationsService) {
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
    scopes.register(
      'group',
      async (db, id) =>
        (await db.getRepository(CommunityGroup).findOne({ where: { id }, select: ['programId'] }))?.programId,
    );
    scopes.register(
      'thread',
      async (db, id) => (await db.getRepository(Thread).findOne({ where: { id }, select: ['programId'] }))?.programId,
    );
    scopes.register(
      'post',
      async (db, id) =>
        (await db.getRepository(Post).findOne({ where: { id }, relations: { thread: true } }))?.thread?.programId,
    );
    scopes.register(
      'attachment',
      async (db, id) =>
        (await db.getRepository(Attachment).findOne({ where: { id }, relations: { group: true } }))?.group?.programId,
    );
  }
}
