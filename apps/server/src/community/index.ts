// The community feature's public surface: groups, threads and posts, and in-app notifications.
export { CommunityAccessService } from './community-access.service';
export { CommunityModule } from './community.module';
export { WatchDto } from './dto/community.dto';
export { Attachment } from './entities/attachment.entity';
export { AuditEntry } from './entities/audit-entry.entity';
export { Bookmark } from './entities/bookmark.entity';
export { CommunityGroup } from './entities/community-group.entity';
export { Flag } from './entities/flag.entity';
export { GroupMember } from './entities/group-member.entity';
export { JoinRequest } from './entities/join-request.entity';
export { Notification } from './entities/notification.entity';
export { PostRevision } from './entities/post-revision.entity';
export { Post } from './entities/post.entity';
export { Reaction } from './entities/reaction.entity';
export { ReadMarker } from './entities/read-marker.entity';
export { Thread } from './entities/thread.entity';
export { NotificationsService } from './notifications.service';
