import { Module } from '@nestjs/common';
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
import { ThreadsService } from './threads.service';

/** Community of practice: groups, threads, posts, reactions, mentions, notifications, search, moderation. */
@Module({
  controllers: [GroupsController, ThreadsController, PostsController, CommunityController],
  providers: [
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
export class CommunityModule {}
