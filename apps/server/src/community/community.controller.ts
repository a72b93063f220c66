import type {
  AuditEntryDto,
  BookmarkDto,
  FlaggedPostDto,
  NotificationsResponse,
  SearchResponse,
} from '@echo-hub/protocol';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, CurrentUser, SignedIn } from '../auth/access.decorators';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { PageQueryDto, sendPage } from '../common/page';
import { CommunityAccessService } from './community-access.service';
import { AuditQueryDto, MarkNotificationsReadDto, SearchQueryDto } from './dto/community.dto';
import { ModerationService } from './moderation.service';
import { NotificationsService } from './notifications.service';
import { SearchService } from './search.service';
import { ThreadsService } from './threads.service';

const role = (req: AuthenticatedRequest) => req.program?.role ?? null;

/** Program-wide community pages (search, bookmarks, moderation) and the notifications centre. */
@ApiTags('community')
@ApiBearerAuth()
@Controller()
export class CommunityController {
  constructor(
    private readonly access: CommunityAccessService,
    private readonly search: SearchService,
    private readonly threads: ThreadsService,
    private readonly moderation: ModerationService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Threads and posts the caller may read, best match first, matches in `<mark>`. */
  @Access('community.read')
  @Get('programs/:id/community/search')
  async searchPosts(
    @Param('id') id: string,
    @Query() q: SearchQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<SearchResponse> {
    const readable = await this.access.readableGroups(user, id, role(req));
    const groups = readable.map((a) => a.group).filter((g) => !q.groupId || g.id === q.groupId);
    return { query: q.q, results: await this.search.search(q.q, groups) };
  }

  @Access('community.read')
  @Get('programs/:id/community/bookmarks')
  async bookmarks(
    @Param('id') id: string,
    @Query() q: PageQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BookmarkDto[]> {
    return sendPage(req, res, await this.threads.bookmarks(user, id, q, role(req)));
  }

  /** Posts with open flags in the groups the caller moderates, oldest first, in pages. */
  @Access('community.moderate')
  @Get('programs/:id/community/flags')
  async flags(
    @Param('id') id: string,
    @Query() q: PageQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FlaggedPostDto[]> {
    return sendPage(req, res, await this.moderation.flagged(user, id, role(req), q));
  }

  /** The moderators' audit log for the groups the caller moderates. */
  @Access('community.moderate')
  @Get('programs/:id/community/audit')
  async audit(
    @Param('id') id: string,
    @Query() q: AuditQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditEntryDto[]> {
    return sendPage(req, res, await this.moderation.auditLog(user, id, q, role(req)));
  }

  @SignedIn()
  @Get('notifications')
  async list(
    @Query() q: PageQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<NotificationsResponse> {
    const { page, unread } = await this.notifications.list(user, q);
    return { items: sendPage(req, res, page), unread };
  }

  @SignedIn()
  @Post('notifications/read')
  @HttpCode(HttpStatus.OK)
  markRead(@Body() dto: MarkNotificationsReadDto, @CurrentUser() user: AuthUser): Promise<NotificationsResponse> {
    return this.notifications.markRead(user, dto.ids);
  }
}
