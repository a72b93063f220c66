import type { PostDto, PostRevisionDto, ReactionSummary } from '@echo-hub/protocol';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, CurrentUser } from '../auth/access.decorators';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { sendUpload } from '../common/uploads';
import { StorageService } from '../storage/storage.service';
import { AttachmentsService } from './attachments.service';
import { FlagDto, HideDto, ReactDto, UpdatePostDto } from './dto/community.dto';
import { ModerationService } from './moderation.service';
import { ThreadsService } from './threads.service';

const role = (req: AuthenticatedRequest) => req.program?.role ?? null;

@ApiTags('community')
@ApiBearerAuth()
@Controller()
export class PostsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly moderation: ModerationService,
    private readonly attachments: AttachmentsService,
    private readonly storage: StorageService,
  ) {}

  /** The author edits (the old text is kept as a revision); a moderator may too (audited). */
  @Access('community.post', 'post')
  @Patch('posts/:id')
  edit(
    @Param('id') id: string,
    @Body() dto: UpdatePostDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<PostDto> {
    return this.threads.edit(user, id, dto, role(req));
  }

  /** Soft delete by the author or a moderator: the text stays for moderators and the audit log. */
  @Access('community.post', 'post')
  @Delete('posts/:id')
  remove(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: AuthenticatedRequest): Promise<PostDto> {
    return this.threads.remove(user, id, role(req));
  }

  @Access('community.read', 'post')
  @Get('posts/:id/revisions')
  revisions(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<PostRevisionDto[]> {
    return this.threads.revisions(user, id, role(req));
  }

  @Access('community.post', 'post')
  @Put('posts/:id/reactions')
  react(
    @Param('id') id: string,
    @Body() dto: ReactDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<ReactionSummary[]> {
    return this.threads.react(user, id, dto, role(req));
  }

  @Access('community.read', 'post')
  @Put('posts/:id/bookmark')
  bookmark(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ postId: string; bookmarked: boolean }> {
    return this.threads.bookmark(user, id, true, role(req));
  }

  @Access('community.read', 'post')
  @Delete('posts/:id/bookmark')
  unbookmark(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ postId: string; bookmarked: boolean }> {
    return this.threads.bookmark(user, id, false, role(req));
  }

  @Access('community.read', 'post')
  @Post('posts/:id/flags')
  flag(
    @Param('id') id: string,
    @Body() dto: FlagDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ id: string }> {
    return this.moderation.flag(user, id, dto, role(req));
  }

  @Access('community.moderate', 'post')
  @Delete('posts/:id/flags')
  dismissFlags(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ dismissed: number }> {
    return this.moderation.dismissFlags(user, id, role(req));
  }

  @Access('community.moderate', 'post')
  @Post('posts/:id/hide')
  @HttpCode(HttpStatus.OK)
  hide(
    @Param('id') id: string,
    @Body() dto: HideDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<PostDto> {
    return this.moderation.hide(user, id, dto.reason, role(req));
  }

  @Access('community.moderate', 'post')
  @Post('posts/:id/restore')
  @HttpCode(HttpStatus.OK)
  restore(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: AuthenticatedRequest): Promise<PostDto> {
    return this.moderation.restore(user, id, role(req));
  }

  /** An attachment, to readers of the post it belongs to (the web client fetches it with its token). */
  @Access('community.read', 'attachment')
  @Get('attachments/:id')
  @ApiProduces('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf')
  async attachment(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    await sendUpload(res, this.storage, await this.attachments.file(user, id, role(req)), `attachment ${id} not found`);
  }
}
